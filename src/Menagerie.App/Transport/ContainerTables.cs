using System.Security.Cryptography;
using System.Text;
using Menagerie.App.Accounts;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.Domain.Transport;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transport;

/// <summary>
/// A licensed LAR container table an administrator uploaded, kept in the records as the file was, so that every
/// process on the database (the web app, the API, the command line) lays the same rows over the shipped table.
/// The newest upload is in use; earlier ones stay, as the ledger's record of what was used when.
/// </summary>
public sealed class LicensedContainerTable
{
    private LicensedContainerTable() { Source = FileName = Csv = UploadedBy = Digest = ""; }

    public int Number { get; private set; }

    /// <summary>What the table is called where the plan names the table it used: by default its file name.</summary>
    public string Source { get; private set; }

    public string FileName { get; private set; }

    /// <summary>The file as uploaded, in the shipped table's columns.</summary>
    public string Csv { get; private set; }

    public int Rows { get; private set; }
    public DateTime UploadedAt { get; private set; }
    public string UploadedBy { get; private set; }

    /// <summary>SHA-256 of the file, in hex: the same file uploaded twice is the same table.</summary>
    public string Digest { get; private set; }

    internal static LicensedContainerTable Create(int number, string source, string fileName, string csv, int rows, DateTime at, string by) => new()
    {
        Number = number,
        Source = source,
        FileName = fileName,
        Csv = csv,
        Rows = rows,
        UploadedAt = at,
        UploadedBy = by,
        Digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv))),
    };

    /// <summary>How the plan names the table, as for a licensed file given on the command line.</summary>
    internal string Edition => "licensed table " + Source;
}

/// <summary>Which container table the transport plans use, and where it comes from.</summary>
public sealed record ContainerTableView(
    string Edition, string Origin, IReadOnlyList<ContainerRowView> Rows, UploadedContainerTableView? Uploaded, string? ConfiguredFile);

/// <summary>A row of the table in use; <see cref="Reference"/> null where the LAR number is still to be confirmed.</summary>
public sealed record ContainerRowView(string Group, IReadOnlyList<string> AppliesTo, string? Reference, string Edition, string Formula, bool Licensed, string Source);

public sealed record UploadedContainerTableView(int Number, string Source, string FileName, int Rows, DateTime UploadedAt, string UploadedBy, string Digest);

public abstract record ContainerTableUploadResult
{
    private ContainerTableUploadResult() { }

    public sealed record Uploaded(ContainerTableView Table) : ContainerTableUploadResult;

    /// <summary>Every problem in the file, each with its line and column; nothing was stored.</summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems) : ContainerTableUploadResult;

    public sealed record Forbidden(string Message) : ContainerTableUploadResult;
}

/// <summary>
/// The container table in force: a file named for one plan (<c>--containers</c>), else the licensed table an
/// administrator uploaded into the records, else the file the setting names, else the shipped table alone. A
/// licensed table replaces the shipped rows of the groups it names and adds the rest.
/// </summary>
public sealed class ContainerTables(MenagerieDbContext db, Access access, TransportSettings settings)
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxSourceLength = 300;

    /// <summary>The table in force for a plan; every problem of a file that cannot be read, and no table.</summary>
    internal async Task<(ContainerTable? Table, IReadOnlyList<InputProblem> Problems)> InForceAsync(string? file, CancellationToken ct)
    {
        if (file is null && await NewestAsync(ct) is { } uploaded)
            return await ReadAsync(uploaded, ct);
        var path = file ?? settings.ContainerRequirements;
        if (string.IsNullOrWhiteSpace(path))
            return (ContainerRequirementsFile.Embedded(), []);
        if (!File.Exists(path))
            return (null, [new InputProblem(path, 0, "file", "The container requirements file does not exist.")]);
        return await ContainerRequirementsFile.LoadAsync(path, ct);
    }

    /// <summary>The table the plans use now, row by row, and where it comes from: <c>uploaded</c>, <c>configured</c> or <c>shipped</c>.</summary>
    public async Task<ContainerTableView> InUseAsync(CancellationToken ct)
    {
        var uploaded = await NewestAsync(ct);
        var (table, _) = await InForceAsync(null, ct);
        var origin = uploaded is not null ? "uploaded" : string.IsNullOrWhiteSpace(settings.ContainerRequirements) ? "shipped" : "configured";
        // A configured file that cannot be read leaves the plans without a table: the page says which file, with the shipped rows.
        table ??= ContainerRequirementsFile.Embedded();
        var shipped = ContainerRequirementsFile.Embedded().Rows.ToHashSet();
        return new ContainerTableView(table.Edition, origin,
            [.. table.Rows.Select(r => new ContainerRowView(r.Group, r.AppliesTo, r.Reference, r.Edition, Words.Kebab(r.Formula), !shipped.Contains(r), r.Source))],
            uploaded is null ? null : new UploadedContainerTableView(uploaded.Number, uploaded.Source, uploaded.FileName, uploaded.Rows, uploaded.UploadedAt, uploaded.UploadedBy, uploaded.Digest),
            origin == "configured" ? settings.ContainerRequirements : null);
    }

    /// <summary>
    /// Stores a licensed table for every plan from now on (an administrator), once every row reads; every problem
    /// with its line and column otherwise, and nothing is stored. One ledger entry: the table, as uploaded.
    /// </summary>
    public async Task<ContainerTableUploadResult> UploadAsync(string csv, string fileName, string? source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!access.IsAdministrator)
            return new ContainerTableUploadResult.Forbidden("A licensed container table is uploaded by an administrator.");
        var label = string.IsNullOrWhiteSpace(source) ? fileName : source.Trim();
        if (label.Length > MaxSourceLength)
            return new ContainerTableUploadResult.Rejected([new InputProblem(fileName, 0, "source", $"The source is {label.Length} characters long; at most {MaxSourceLength} are kept.")]);
        using var reader = new StringReader(csv);
        var (licensed, problems) = await ContainerRequirementsFile.ReadAsync(reader, fileName, "licensed table " + label, ct);
        if (licensed is null)
            return new ContainerTableUploadResult.Rejected(problems);
        if (licensed.Rows.Count == 0)
            return new ContainerTableUploadResult.Rejected([new InputProblem(fileName, 1, "group", "The table has no rows.")]);
        var number = (await db.LicensedContainerTables.MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;
        db.LicensedContainerTables.Add(LicensedContainerTable.Create(number, label, fileName, csv, licensed.Rows.Count, db.UtcNow, db.ActorName));
        await db.SaveChangesAsync($"licensed container table {number} uploaded ({label}, {licensed.Rows.Count} rows)", ct);
        return new ContainerTableUploadResult.Uploaded(await InUseAsync(ct));
    }

    private Task<LicensedContainerTable?> NewestAsync(CancellationToken ct) =>
        db.LicensedContainerTables.AsNoTracking().OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);

    private static async Task<(ContainerTable? Table, IReadOnlyList<InputProblem> Problems)> ReadAsync(LicensedContainerTable uploaded, CancellationToken ct)
    {
        using var reader = new StringReader(uploaded.Csv);
        var (licensed, problems) = await ContainerRequirementsFile.ReadAsync(reader, uploaded.FileName, uploaded.Edition, ct);
        return (licensed is null ? null : ContainerRequirementsFile.Embedded().With(licensed), problems);
    }
}
