using Menagerie.Domain;

namespace Menagerie.Web.Http;

/// <summary>A file sent to the API, with the fields that came with it (in the form, else in the query).</summary>
public sealed record CsvUpload(string? FileName, byte[]? Content, IReadOnlyDictionary<string, string?> Fields)
{
    public string? Field(string name) => Fields.GetValueOrDefault(name);
}

public static class CsvUploads
{
    /// <summary>
    /// The file and its fields from a form (its field 'file'), or a bare text/csv body with the fields in the query;
    /// anything else carries no file. A form whose parts cannot be read (no boundary, cut short, a part without its
    /// headers) is the problem instead. Read by hand rather than bound, to take the file either way.
    /// </summary>
    public static async Task<(CsvUpload? Upload, RuleViolation? Unreadable)> ReadAsync(HttpRequest request, string code, string what, IReadOnlyList<string> fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        var query = request.Query;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
            {
                return (null, new(code, "file", $"The form cannot be read as {request.ContentType}: {e.Message} Send the {what} as the form's field 'file', or as a text/csv body."));
            }
            var file = form.Files.GetFile("file");
            byte[]? content = null;
            if (file is not null)
            {
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy, ct);
                content = copy.ToArray();
            }
            return (new CsvUpload(file?.FileName, content, fields.ToDictionary(f => f, f => form.TryGetValue(f, out var value) ? value.ToString() : query[f].FirstOrDefault(), StringComparer.Ordinal)), null);
        }
        var values = fields.ToDictionary(f => f, f => query[f].FirstOrDefault(), StringComparer.Ordinal);
        if (request.ContentType is { } type && type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            return (new CsvUpload(null, body.ToArray(), values), null);
        }
        return (new CsvUpload(null, null, values), null);
    }
}
