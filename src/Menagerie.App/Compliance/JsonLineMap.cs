using System.Text.Json;

namespace Menagerie.App.Compliance;

/// <summary>
/// The line each value of a JSON document starts on, by path (<c>lines[2].count</c>), so that a problem with
/// a field can name the line a person would look at.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap() { }

    public int this[string path]
    {
        get
        {
            // A missing field is reported on the line of the object that should hold it.
            for (var p = path; ; p = Parent(p))
            {
                if (_lines.TryGetValue(p, out var line))
                    return line;
                if (p.Length == 0)
                    return 1;
            }
        }
    }

    public static JsonLineMap Of(ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<(string Path, int Index, bool IsArray)>();
        string? property = null;
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            line += utf8[counted..start].Count((byte)'\n');
            counted = start;
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                path.Pop();
                continue;
            }
            var here = Child(path, property);
            property = null;
            map._lines.TryAdd(here, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                path.Push((here, 0, reader.TokenType == JsonTokenType.StartArray));
        }
        return map;
    }

    private static string Child(Stack<(string Path, int Index, bool IsArray)> path, string? property)
    {
        if (path.Count == 0)
            return "";
        var (parent, index, isArray) = path.Pop();
        path.Push((parent, isArray ? index + 1 : index, isArray));
        if (isArray)
            return $"{parent}[{index}]";
        return parent.Length == 0 ? property ?? "" : $"{parent}.{property}";
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut < 0 ? "" : path[..cut];
    }
}
