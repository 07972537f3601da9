using Menagerie.App.Ledger;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Ledger;

/// <summary>A page of ledger entries for the shared table: the entries, the page's own address (for "older entries") and the viewer's clock.</summary>
public sealed record LedgerList(LedgerPage Page, string Path, TimeZoneInfo Zone)
{
    /// <summary>What an entry did, in words.</summary>
    public static string Action(IStringLocalizer t, string action) => action switch
    {
        "added" => t["Recorded"],
        "modified" => t["Changed"],
        "deleted" => t["Removed"],
        _ => action,
    };

    /// <summary>A stored value as the table shows it: a masked secret in the reader's words, nothing as a dash.</summary>
    public static string Value(IStringLocalizer t, string? value) => value switch
    {
        null => "—",
        "" => "\u201C\u201D",
        LedgerEntryView.SecretMark => t["(secret)"],
        _ => value,
    };
}
