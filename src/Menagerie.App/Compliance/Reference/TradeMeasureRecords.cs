using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance.Reference;

/// <summary>A row of a Species+ download as stored, numbered after the rows of the download it replaces.</summary>
public interface IDownloadedMeasure
{
    int Number { get; }

    /// <summary>Moves the row's number past those of the rows it replaces, before it is stored.</summary>
    void NumberAfter(int last);
}

/// <summary>
/// A recommendation to suspend trade as a Species+ "CITES Suspensions" download lists it, kept with the file, line
/// and download date it came from. The rows of one download replace those of the last; each is in the ledger.
/// </summary>
public sealed class TradeSuspensionRecord : IDownloadedMeasure
{
    private TradeSuspensionRecord() { State = StartNotification = Notes = File = ""; }

    public int Number { get; private set; }
    public string State { get; private set; }

    /// <summary>Null: every CITES-listed species.</summary>
    public string? Taxon { get; private set; }

    public DateOnly Start { get; private set; }
    public string StartNotification { get; private set; }
    public DateOnly? End { get; private set; }
    public string? EndNotification { get; private set; }
    public bool Valid { get; private set; }
    public string Notes { get; private set; }
    public string File { get; private set; }
    public int Line { get; private set; }

    /// <summary>The day the download was made: what it says was current then.</summary>
    public DateOnly AsOf { get; private set; }

    internal static TradeSuspensionRecord Create(
        int number, string state, string? taxon, DateOnly start, string startNotification, DateOnly? end, string? endNotification,
        bool valid, string notes, string file, int line, DateOnly asOf) => new()
        {
            Number = number,
            State = state,
            Taxon = taxon,
            Start = start,
            StartNotification = startNotification,
            End = end,
            EndNotification = endNotification,
            Valid = valid,
            Notes = notes,
            File = file,
            Line = line,
            AsOf = asOf,
        };

    public void NumberAfter(int last) => Number += last;

    public TradeSuspension ToSuspension() => new()
    {
        State = State,
        Taxon = Taxon,
        Start = Start,
        StartNotification = StartNotification,
        End = End,
        Valid = Valid,
        Notes = Notes,
        Scope = TradeMeasureNotes.ScopeOf(Notes),
        Sources = TradeMeasureNotes.SourcesOf(Notes),
        Source = $"{File}, line {Line}, downloaded {AsOf:yyyy-MM-dd}",
    };
}

/// <summary>A national export quota as a Species+ "CITES Quotas" download lists it, with its file, line and download date.</summary>
public sealed class ExportQuotaRecord : IDownloadedMeasure
{
    private ExportQuotaRecord() { State = Taxon = Unit = Notes = File = ""; }

    public int Number { get; private set; }
    public string State { get; private set; }
    public string Taxon { get; private set; }
    public int Year { get; private set; }
    public decimal Quota { get; private set; }
    public string Unit { get; private set; }
    public DateOnly? Published { get; private set; }
    public string Notes { get; private set; }
    public string? Url { get; private set; }
    public string File { get; private set; }
    public int Line { get; private set; }
    public DateOnly AsOf { get; private set; }

    internal static ExportQuotaRecord Create(
        int number, string state, string taxon, int year, decimal quota, string unit, DateOnly? published, string notes, string? url,
        string file, int line, DateOnly asOf) => new()
        {
            Number = number,
            State = state,
            Taxon = taxon,
            Year = year,
            Quota = quota,
            Unit = unit,
            Published = published,
            Notes = notes,
            Url = url,
            File = file,
            Line = line,
            AsOf = asOf,
        };

    public void NumberAfter(int last) => Number += last;

    public ExportQuota ToQuota() => new()
    {
        State = State,
        Taxon = Taxon,
        Year = Year,
        Quota = Quota,
        Unit = Unit,
        Notes = Notes,
        Sources = TradeMeasureNotes.SourcesOf(Notes),
        CoversLiveAnimals = TradeMeasureNotes.CoversLiveAnimals(Notes),
        Source = $"{File}, line {Line}, downloaded {AsOf:yyyy-MM-dd}",
    };
}
