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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
