using System.Text.Json;
using System.Text.Json.Serialization;

namespace Menagerie.App;

/// <summary>The one JSON shape of Menagerie's API responses and the command line's --format json: camelCase, enums as words.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Numbers are refused: 7 for a sex or a rank is a value that no word names.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
