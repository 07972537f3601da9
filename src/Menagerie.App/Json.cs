using System.Text.Json;
using System.Text.Json.Serialization;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;

namespace Menagerie.App;

/// <summary>The one JSON shape of Menagerie's API responses and the command line's --format json: camelCase, enums as words.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    /// <summary>
    /// Options for writing by hand what <see cref="Options"/> would write (the same escaping and, when
    /// <paramref name="indented"/>, the same indentation), for output too large to go through the serializer.
    /// </summary>
    public static JsonWriterOptions WriterOptions(bool indented) => new()
    {
        Encoder = Options.Encoder,
        Indented = indented,
        IndentCharacter = Options.IndentCharacter,
        IndentSize = Options.IndentSize,
        NewLine = Options.NewLine,
    };

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new DocumentTypeConverter());
        // Numbers are refused: 7 for a sex or a rank is a value that no word names.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    /// <summary>
    /// A kind of document by the name shipment files give it (<c>export-permit</c>), in every answer; the names of
    /// earlier versions (<c>citesExportPermit</c>) are still read.
    /// </summary>
    private sealed class DocumentTypeConverter : JsonConverter<DocumentType>
    {
        public override DocumentType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (DocumentNames.TryParse(text, out var type) || Words.TryParse(text, out type))
                return type;
            throw new JsonException($"'{text}' is not a kind of document.");
        }

        public override void Write(Utf8JsonWriter writer, DocumentType value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(DocumentNames.Name(value));
        }
    }
}
