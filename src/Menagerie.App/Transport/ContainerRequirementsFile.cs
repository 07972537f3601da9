using System.Globalization;
using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.App.Transport;

/// <summary>
/// Container requirements as a CSV table: the rows shipped with Menagerie (the families whose LAR numbers are
/// public, and the rest marked to be confirmed), and a user's own table from the licensed LAR edition in force,
/// whose rows replace the shipped rows of the same group. Columns as in the shipped file; a blank
/// container_requirement means "to be confirmed from the current LAR edition".
/// </summary>
public static class ContainerRequirementsFile
{
    public const string ShippedEdition = "Menagerie's container table (public LAR excerpts and proxies)";

    private static readonly string[] Required =
        ["group", "applies_to", "container_requirement", "edition", "formula", "sharing", "max_per_crate", "source"];

    private static readonly Lazy<ContainerTable> Shipped = new(() =>
    {
        using var stream = typeof(ContainerRequirementsFile).Assembly.GetManifestResourceStream("Menagerie.Transport.container-requirements.csv")
            ?? throw new InvalidOperationException("The shipped container requirements are missing from the assembly.");
        using var reader = new StreamReader(stream);
        var (table, problems) = ReadAsync(reader, "container-requirements.csv", ShippedEdition, CancellationToken.None).GetAwaiter().GetResult();
        return table ?? throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    });

    public static ContainerTable Embedded() => Shipped.Value;

    /// <summary>The shipped table with a licensed table from a file laid over it; every problem in the file at once, and no table when there is one.</summary>
    public static async Task<(ContainerTable? Table, IReadOnlyList<InputProblem> Problems)> LoadAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var (licensed, problems) = await ReadAsync(reader, Path.GetFileName(path), "licensed table " + Path.GetFileName(path), ct);
        return (licensed is null ? null : Embedded().With(licensed), problems);
    }

    public static async Task<(ContainerTable? Table, IReadOnlyList<InputProblem> Problems)> ReadAsync(TextReader text, string file, string tableEdition, CancellationToken ct)
    {
        var (rows, problems) = await CsvTable.ReadAsync(text, file, Required, ct);
        if (problems.Count > 0)
            return (null, problems);
        var requirements = new List<ContainerRequirement>();
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var group = row["group"];
            if (group is null)
                problems.Add(row.Problem("group", "The group is missing."));
            else if (!groups.Add(group))
                problems.Add(row.Problem("group", $"The group '{group}' appears twice."));
            var appliesTo = (row["applies_to"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (appliesTo.Length == 0)
                problems.Add(row.Problem("applies_to", "Name the species, genera, families or classes the row applies to, separated by ';'."));
            var formula = Word<CrateFormula>(row, "formula", Formulas, problems);
            var sharing = Word<CrateSharing>(row, "sharing", Sharings, problems);
            var max = Number(row, "max_per_crate", problems, whole: true) ?? 1;
            var ventilation = Number(row, "ventilation_share", problems) ?? ContainerRequirement.DefaultVentilationShare;
            if (ventilation is <= 0 or > 1)
                problems.Add(row.Problem("ventilation_share", $"'{ventilation}' is not a share between 0 and 1."));
            var tare = Number(row, "tare_kg_per_m2", problems) ?? ContainerRequirement.DefaultTareKgPerSquareMetre;
            if (tare <= 0)
                problems.Add(row.Problem("tare_kg_per_m2", $"'{tare}' is not a crate weight per square metre above zero."));
            var min = Number(row, "temperature_min", problems) ?? Welfare.DefaultTemperature.Min;
            var maxT = Number(row, "temperature_max", problems) ?? Welfare.DefaultTemperature.Max;
            if (min >= maxT)
                problems.Add(row.Problem("temperature_max", $"The range {min} to {maxT} °C is empty."));
            if (max is < 1 or > MaxPerCrate)
                problems.Add(row.Problem("max_per_crate", $"A crate holds from 1 to {MaxPerCrate} animals."));
            // Only the group formula gives each animal its floor: any other would size a shared crate for one.
            if (sharing == CrateSharing.CompatibleGroup && formula is not (null or CrateFormula.BirdGroup))
                problems.Add(row.Problem("sharing", $"Animals share a crate only under the bird-group formula, which sizes it for them all; '{row["formula"]}' sizes it for one."));
            var source = row["source"];
            if (source is null)
                problems.Add(row.Problem("source", "Say where the row comes from."));
            if (problems.Count > before)
                continue;
            requirements.Add(new ContainerRequirement
            {
                Group = group!,
                AppliesTo = appliesTo,
                Reference = row["container_requirement"],
                Edition = row["edition"] ?? "",
                Formula = formula!.Value,
                Sharing = sharing!.Value,
                MaxPerCrate = (int)max,
                VentilationShare = ventilation,
                Padlocks = Flag(row, "padlocks", false, problems),
                FeedFromOutside = Flag(row, "feed_from_outside", true, problems),
                Predator = Flag(row, "predator", false, problems),
                AttendantAccess = Flag(row, "attendant_access", false, problems),
                TareKgPerSquareMetre = tare,
                Temperature = new TemperatureRange(min, maxT),
                Source = source!,
            });
        }
        return problems.Count > 0 ? (null, problems) : (new ContainerTable(requirements, tableEdition), problems);
    }

    /// <summary>More than this to a crate is a typing error rather than a stocking density.</summary>
    private const int MaxPerCrate = 1_000;

    private static readonly Dictionary<string, CrateFormula> Formulas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cr1"] = CrateFormula.Cr1,
        ["large-carnivore"] = CrateFormula.LargeCarnivore,
        ["hoofstock"] = CrateFormula.Hoofstock,
        ["single-bird"] = CrateFormula.SingleBird,
        ["bird-group"] = CrateFormula.BirdGroup,
    };

    private static readonly Dictionary<string, CrateSharing> Sharings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["alone"] = CrateSharing.Alone,
        ["compatible-group"] = CrateSharing.CompatibleGroup,
    };

    private static T? Word<T>(CsvRow row, string column, Dictionary<string, T> words, List<InputProblem> problems)
        where T : struct
    {
        if (row[column] is { } text && words.TryGetValue(text, out var value))
            return value;
        problems.Add(row.Problem(column, $"'{row[column]}' is not one of: {string.Join(", ", words.Keys)}."));
        return null;
    }

    private static decimal? Number(CsvRow row, string column, List<InputProblem> problems, bool whole = false)
    {
        if (row[column] is not { } text)
            return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && (!whole || value == decimal.Truncate(value)))
            return value;
        problems.Add(row.Problem(column, $"'{text}' is not {(whole ? "a whole number" : "a number")}."));
        return null;
    }

    private static bool Flag(CsvRow row, string column, bool absent, List<InputProblem> problems)
    {
        switch (row[column]?.ToLowerInvariant())
        {
            case null: return absent;
            case "yes" or "true": return true;
            case "no" or "false": return false;
            default:
                problems.Add(row.Problem(column, $"'{row[column]}' is not yes or no."));
                return absent;
        }
    }
}
