using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Menagerie.Domain;

/// <summary>
/// A sentence for a person, kept as its English template and the values put into it, so that the API and the
/// ledger carry the English sentence while a page says it in its reader's language. An interpolated string
/// becomes one directly: <c>$"The transfer has no line {number}."</c> is the template
/// <c>The transfer has no line {0}.</c> with the argument <c>number</c>; a plain string is a template without
/// arguments. Values that are wordings themselves are said in the reader's language too.
/// </summary>
/// <remarks>
/// The Append methods are the compiler's, called while the interpolated string is built; nothing else calls them.
/// </remarks>
[InterpolatedStringHandler]
[JsonConverter(typeof(WordingJsonConverter))]
public sealed class Wording : IEquatable<Wording>
{
    private readonly StringBuilder _template;
    private readonly List<object?> _arguments;
    private string? _english;

    public Wording(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + 4 * formattedCount);
        _arguments = new List<object?>(formattedCount);
    }

    private Wording(string text) : this(text.Length, 0) => AppendLiteral(text);

    /// <summary>The English sentence with its holes numbered as for <see cref="string.Format(string, object?[])"/>.</summary>
    public string Template => _template.ToString();

    public IReadOnlyList<object?> Arguments => _arguments;

    public void AppendLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        _english = null;
    }

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        _template.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (alignment != 0)
            _template.Append(',').Append(alignment.ToString(CultureInfo.InvariantCulture));
        if (format is not null)
            _template.Append(':').Append(format);
        _template.Append('}');
        _arguments.Add(value);
        _english = null;
    }

    public static implicit operator Wording(string text) => new(text);

    public static Wording FromString(string text) => new(text);

    /// <summary>
    /// Makes a wording of an interpolated string where the compiler would otherwise make a string first,
    /// such as in one branch of a conditional.
    /// </summary>
    public static Wording Of(Wording wording) => wording;

    /// <summary>Wordings one after another, as in a list: each said in the reader's language, the separator as it is.</summary>
    public static Wording Join(string separator, IEnumerable<Wording> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        var joined = new Wording(separator.Length * list.Count, list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
                joined.AppendLiteral(separator);
            joined.AppendFormatted(list[i]);
        }
        return joined;
    }

    /// <summary>The sentence in English, numbers and dates written the same on every machine.</summary>
    public override string ToString() => _english ??= _arguments.Count == 0
        ? string.Format(CultureInfo.InvariantCulture, Template, [])
        : string.Format(CultureInfo.InvariantCulture, Template, [.. _arguments]);

    public bool Equals(Wording? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Wording other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}

/// <summary>A value of the records put into a sentence: in lower case in English, in the reader's words on a page.</summary>
public readonly record struct Term(Enum Value)
{
    public override string ToString() => Value.ToString().ToLowerInvariant();
}

/// <summary>A wording travels in JSON as its English sentence, so the shapes the API and the ledger give stay plain text.</summary>
public sealed class WordingJsonConverter : JsonConverter<Wording>
{
    public override Wording Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Wording.FromString(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Wording value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
