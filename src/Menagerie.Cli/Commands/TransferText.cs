using System.CommandLine;
using System.Globalization;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;

namespace Menagerie.Cli.Commands;

/// <summary>What people type for transfers: instants, animals with counts, and a receipt's line options.</summary>
internal static class TransferText
{
    public const string LineCountsExpected = "expected LINE for the whole line, or LINE=male.female.unknown for part of a group line (e.g. 2 or 2=0.1.0)";
    public const string IdentifierExpected = "expected LINE=scheme:value (e.g. 3=local:PYO-24-101)";

    /// <summary>An instant, UTC unless the text carries an offset.</summary>
    public static Option<DateTime?> At(string description, bool required) => new("--at")
    {
        Description = description,
        Required = required,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var text = result.Tokens[0].Value;
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                return at;
            result.AddError($"--at '{text}' is not a date and time (UTC, e.g. 2024-11-20T06:30:00Z).");
            return null;
        },
    };

    /// <summary>A repeatable option whose values are checked as they are parsed, so a typing error is a usage error.</summary>
    public static Option<string[]> Repeated(string name, string description, Func<string, bool> valid, string expected)
    {
        var option = new Option<string[]>(name) { Description = description, AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !valid(t.Value)))
                result.AddError($"{name} '{token.Value}': {expected}.");
        });
        return option;
    }

    /// <summary><c>REF</c>, or <c>REF=12.13.0</c> for part of a group.</summary>
    public static bool TryParseAnimal(string text, out TransferLineInput line)
    {
        var equals = text.LastIndexOf('=');
        line = equals < 0 ? new TransferLineInput(text.Trim()) : new TransferLineInput(text[..equals].Trim(), text[(equals + 1)..].Trim());
        return line.Specimen is { Length: > 0 } && (line.Counts is null || SexCounts.TryParse(line.Counts, out _));
    }

    /// <summary><c>LINE</c> (the whole line), or <c>LINE=0.1.0</c> (part of a group line).</summary>
    public static bool TryParseLineCounts(string text, out int line, out SexCounts? counts)
    {
        counts = null;
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (!TryParseLine(parts[0], out line))
            return false;
        if (parts.Length == 1)
            return true;
        if (!SexCounts.TryParse(parts[1], out var part))
            return false;
        counts = part;
        return true;
    }

    /// <summary><c>LINE=scheme:value</c>.</summary>
    public static bool TryParseLineIdentifier(string text, out int line, out IdentifierInput identifier)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        identifier = parts.Length == 2 ? Identifier(parts[1]) : new IdentifierInput(null, null);
        return TryParseLine(parts[0], out line) && identifier is { Scheme.Length: > 0, Value.Length: > 0 };
    }

    public static bool TryParseLine(string text, out int line) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out line) && line > 0;

    /// <summary>A cell of <c>scheme:value</c> pairs separated by semicolons; a pair without its scheme or value is left for the rules to report.</summary>
    public static List<IdentifierInput> Identifiers(string? text) =>
        [.. (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Identifier)];

    private static IdentifierInput Identifier(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new IdentifierInput(null, text) : new IdentifierInput(OptionalText.From(text[..colon]), OptionalText.From(text[(colon + 1)..]));
    }
}
