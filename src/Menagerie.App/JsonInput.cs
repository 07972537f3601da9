using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Menagerie.Domain;

namespace Menagerie.App;

/// <summary>
/// JSON that a client or a person sends, read by <see cref="JsonSerializer"/>: what its refusals mean, said at the
/// place they concern. <see cref="Problem"/> turns a <see cref="JsonException"/> into the field it names, counted as
/// the use cases count fields (<c>lines[0].line</c>; empty for the whole document), and a sentence saying what was
/// expected there, read from the serializer's own contract for the type rather than from its message.
/// <see cref="RefusedText"/> finds the strings in what was read that hold characters no text in the records takes.
/// </summary>
public static class JsonInput
{
    /// <summary>As deep as the serializer reads by default; a value read from JSON is never deeper.</summary>
    private const int MaxDepth = 64;

    /// <summary>The field and the problem of JSON that could not be read as <paramref name="type"/>.</summary>
    public static (string Field, string Message) Problem(JsonException exception, Type? type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        var segments = Segments(exception.Path);
        var field = Field(segments);
        var at = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine + 1})") : "";
        // The reader's own exception (a subclass), as JsonDocument throws it or as the serializer wraps it: not JSON at all.
        if ((exception.InnerException as JsonException ?? (exception.GetType() == typeof(JsonException) ? null : exception)) is { } reader)
            return (field, $"This is not valid JSON{at}: {WithoutPosition(reader.Message)}");
        return (field, (type is null ? null : Expected(TypeAt(type, segments, options), options)) is { } expected
            ? $"Expected {expected} here{at}."
            : $"This value cannot be read here{at}.");
    }

    /// <summary>What a value of the type is, as a person would write it: "a whole number", "true or false", "an object".</summary>
    public static string? Expected(Type? type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (type is null)
            return null;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Domain.Documents.DocumentType))
            return "one of: " + string.Join(", ", Domain.Compliance.DocumentNames.All);
        if (type.IsEnum)
            return "one of: " + string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "text",
            TypeCode.Boolean => "true or false",
            TypeCode.Int32 => "a whole number from -2147483648 to 2147483647",
            TypeCode.Int16 or TypeCode.Int64 or TypeCode.Byte or TypeCode.SByte => "a whole number",
            TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 => "a whole number, 0 or more",
            TypeCode.Decimal => "a number of at most 28 digits",
            TypeCode.Double or TypeCode.Single => "a number",
            TypeCode.DateTime => "a date and time such as 2024-11-20T06:30:00Z",
            _ when type == typeof(DateOnly) => "a date written YYYY-MM-DD",
            _ when type == typeof(DateTimeOffset) => "a date and time such as 2024-11-20T06:30:00Z",
            _ when type == typeof(Guid) => "an id such as 0193a5b2-7c1d-7000-8000-000000000000",
            _ => options.GetTypeInfo(type).Kind switch
            {
                JsonTypeInfoKind.Enumerable => "a list [ … ]",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object { … }",
                _ => null,
            },
        };
    }

    /// <summary>The type the serializer was reading at the path, found through its contract; null where the path leaves it.</summary>
    private static Type? TypeAt(Type type, IReadOnlyList<object> segments, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        foreach (var segment in segments)
        {
            var next = (segment, info.Kind) switch
            {
                (int, JsonTypeInfoKind.Enumerable) => info.ElementType,
                (string, JsonTypeInfoKind.Dictionary) => info.ElementType,
                (string name, JsonTypeInfoKind.Object) => info.Properties.FirstOrDefault(p => string.Equals(p.Name, name,
                    options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))?.PropertyType,
                _ => null,
            };
            if (next is null)
                return null;
            info = options.GetTypeInfo(Nullable.GetUnderlyingType(next) ?? next);
        }
        return info.Type;
    }

    /// <summary>A JSON path as <see cref="JsonException.Path"/> writes it ($.lines[0]['a b']) as names and indexes.</summary>
    private static List<object> Segments(string? path)
    {
        var segments = new List<object>();
        var i = path is ['$', ..] ? 1 : 0;
        while (path is not null && i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal) && path.IndexOf("']", i + 2, StringComparison.Ordinal) is var close and >= 0)
            {
                segments.Add(path[(i + 2)..close]);
                i = close + 2;
            }
            else if (path[i] == '[' && path.IndexOf(']', i) is var bracket and > 0
                && int.TryParse(path.AsSpan(i + 1, bracket - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                segments.Add(index);
                i = bracket + 1;
            }
            else
            {
                break;
            }
        }
        return segments;
    }

    private static string Field(List<object> segments) =>
        string.Concat(segments.Select((s, i) => s switch
        {
            int index => string.Create(CultureInfo.InvariantCulture, $"[{index}]"),
            _ => i == 0 ? $"{s}" : $".{s}",
        }));

    /// <summary>The reader's message without the position it appends, which the problem gives as line and byte.</summary>
    private static string WithoutPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    /// <summary>
    /// Every string in a value read from JSON that holds a character <see cref="PlainText"/> refuses, with its field
    /// (<c>legs[0].carrier</c>), found through the serializer's contract for the value's type.
    /// </summary>
    public static IReadOnlyList<RuleViolation> RefusedText(object? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<RuleViolation>();
        Walk(value, "", options, found, depth: 0);
        return found;
    }

    private static void Walk(object? value, string field, JsonSerializerOptions options, List<RuleViolation> found, int depth)
    {
        if (value is string text)
        {
            if (PlainText.Problem(text, field.Length == 0 ? "$" : field) is { } problem)
                found.Add(problem);
            return;
        }
        if (value is null || value.GetType().IsValueType || depth > MaxDepth)
            return;
        var info = options.GetTypeInfo(value.GetType());
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties.Where(p => p.Get is not null && !p.PropertyType.IsValueType))
                    Walk(property.Get!(value), Join(field, property.Name), options, found, depth + 1);
                break;
            case JsonTypeInfoKind.Dictionary when value is IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                    Walk(entry.Value, Join(field, $"{entry.Key}"), options, found, depth + 1);
                break;
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items:
                var index = 0;
                foreach (var item in items)
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]"), options, found, depth + 1);
                break;
        }
    }

    /// <summary>
    /// Each property of the JSON that the type it is read as does not have — the serializer passes over them in
    /// silence — by field, with the fields that would be read there.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> UnknownFields(JsonElement json, Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var found = new List<(string, string)>();
        Unknown(json, options.GetTypeInfo(type), "", options, found);
        return found;
    }

    private static void Unknown(JsonElement json, JsonTypeInfo info, string field, JsonSerializerOptions options, List<(string, string)> found)
    {
        switch (info.Kind, json.ValueKind)
        {
            case (JsonTypeInfoKind.Object, JsonValueKind.Object):
                var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                foreach (var property in json.EnumerateObject())
                {
                    if (info.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, comparison)) is { } known)
                        Unknown(property.Value, Info(known.PropertyType, options), Join(field, property.Name), options, found);
                    else
                        found.Add((Join(field, property.Name), $"'{property.Name}' is not a field here; expected one of {string.Join(", ", info.Properties.Select(p => p.Name))}."));
                }
                break;
            case (JsonTypeInfoKind.Dictionary, JsonValueKind.Object):
                foreach (var property in json.EnumerateObject())
                    Unknown(property.Value, Info(info.ElementType!, options), Join(field, property.Name), options, found);
                break;
            case (JsonTypeInfoKind.Enumerable, JsonValueKind.Array):
                var index = 0;
                foreach (var item in json.EnumerateArray())
                    Unknown(item, Info(info.ElementType!, options), string.Create(CultureInfo.InvariantCulture, $"{field}[{index++}]"), options, found);
                break;
        }
    }

    private static JsonTypeInfo Info(Type type, JsonSerializerOptions options) => options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);

    private static string Join(string field, string name) => field.Length == 0 ? name : $"{field}.{name}";
}
