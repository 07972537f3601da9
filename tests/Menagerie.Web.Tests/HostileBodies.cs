using System.Text;
using System.Text.Json.Nodes;

namespace Menagerie.Web.Tests;

/// <summary>
/// Request bodies no write may accept, made from a route's schema in the OpenAPI document: the body as a whole of
/// the wrong kind or not JSON at all, and each property (and each property of a list's item or a nested object) set
/// to a value of the wrong type, a null where none is allowed, a number beyond its type, a null item, a 100 kB
/// string, or a string with control or bidirectional-override characters. Every body holds one such value and
/// nothing else, so that a route whose every field is optional is tried too.
/// </summary>
internal sealed class HostileBodies(JsonObject document)
{
    private const int MaxDepth = 2;

    private static readonly string[] HostileText =
    [
        new string('x', 100_000),
        "\u0000",
        "MOS\u001b[2J-00023",
        "\u202eMOS-00023",
        "Pan\u2066thera\u2069 leo",
        "\u0085",
    ];

    /// <summary>Stands for a lone surrogate, which JSON can escape but no string holds, until the body is written.</summary>
    private const string LoneSurrogate = "lone surrogate";

    /// <summary>Bodies that are not the JSON the route takes at all, as bytes.</summary>
    public static IEnumerable<byte[]> Unreadable(bool bodyOptional)
    {
        string[] texts = ["[]", "\"x\"", "1", "true", "{", "{\"a\":", "{\"a\":1}{", "[null]", new string('[', 100) + new string(']', 100)];
        foreach (var text in bodyOptional ? texts : [.. texts, "null", ""])
            yield return Encoding.UTF8.GetBytes(text);
        yield return [0xFF, 0xFE, 0x00, 0x7B];
    }

    /// <summary>One-property objects for a schema, each with a hostile value at the property or inside it, as JSON.</summary>
    public IEnumerable<string> Of(JsonNode? schema) =>
        ObjectValues(Resolve(schema), 0).Select(b => b.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"\\ud800\"", StringComparison.Ordinal));

    private IEnumerable<JsonNode> ObjectValues(JsonObject schema, int depth)
    {
        if (schema["properties"] is not JsonObject properties)
            yield break;
        foreach (var (name, property) in properties)
        {
            foreach (var value in Values(property, depth))
                yield return new JsonObject { [name] = value?.DeepClone() };
        }
    }

    private IEnumerable<JsonNode?> Values(JsonNode? property, int depth)
    {
        var schema = Resolve(property);
        var types = Types(property);
        if (!types.Contains("null"))
            yield return null;
        if (schema["enum"] is not null || (types.Contains("string") && !types.Contains("integer") && !types.Contains("number")))
        {
            foreach (var text in HostileText)
                yield return text;
            yield return LoneSurrogate;
            yield return 1;
            yield return new JsonArray();
        }
        else if (types.Contains("integer"))
        {
            yield return "x";
            yield return 1.5;
            yield return schema["format"]?.GetValue<string>() == "int32" ? 2147483648L : -1;
            yield return JsonNode.Parse("9223372036854775808");
            yield return JsonNode.Parse("1e308");
            yield return new JsonObject();
        }
        else if (types.Contains("number"))
        {
            yield return "x";
            yield return JsonNode.Parse("1e308");
            yield return JsonNode.Parse("-1e308");
            yield return new JsonArray();
        }
        else if (types.Contains("boolean"))
        {
            yield return "x";
            yield return 1;
        }
        else if (types.Contains("array"))
        {
            yield return "x";
            yield return new JsonObject();
            yield return new JsonArray((JsonNode?)null);
            if (depth < MaxDepth)
            {
                foreach (var item in ItemValues(schema["items"], depth + 1))
                    yield return new JsonArray(item);
            }
        }
        else if (schema["properties"] is not null)
        {
            yield return "x";
            yield return new JsonArray();
            if (depth < MaxDepth)
            {
                foreach (var value in ObjectValues(schema, depth + 1))
                    yield return value;
            }
        }
    }

    /// <summary>A list's hostile items: an object item with one hostile property, or a hostile value itself.</summary>
    private IEnumerable<JsonNode?> ItemValues(JsonNode? items, int depth) =>
        Resolve(items)["properties"] is not null ? ObjectValues(Resolve(items), depth) : Values(items, depth).Where(v => v is not null);

    private JsonObject Resolve(JsonNode? schema)
    {
        while (true)
        {
            switch (schema)
            {
                case JsonObject o when o["$ref"]?.GetValue<string>() is { } reference:
                    schema = document["components"]!["schemas"]![reference["#/components/schemas/".Length..]];
                    continue;
                case JsonObject o when (o["oneOf"] ?? o["anyOf"]) is JsonArray choices:
                    schema = choices.First(c => c?["type"]?.GetValue<string>() != "null");
                    continue;
                case JsonObject o:
                    return o;
                default:
                    return [];
            }
        }
    }

    /// <summary>The JSON types a schema allows, "null" among them where it is nullable.</summary>
    private HashSet<string> Types(JsonNode? schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema is JsonObject { } o && (o["oneOf"] ?? o["anyOf"]) is JsonArray choices && choices.Any(c => c?["type"]?.GetValue<string>() == "null"))
            types.Add("null");
        switch (Resolve(schema)["type"])
        {
            case JsonArray list:
                types.UnionWith(list.Select(t => t!.GetValue<string>()));
                break;
            case JsonValue single:
                types.Add(single.GetValue<string>());
                break;
        }
        return types;
    }
}
