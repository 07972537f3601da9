using System.Globalization;
using System.Text.RegularExpressions;
using Menagerie.App.Files;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;

namespace Menagerie.App.Sample;

public sealed partial class SampleLoader
{
    private static readonly TransferStatus[] Reachable =
        [TransferStatus.Draft, TransferStatus.Proposed, TransferStatus.Accepted, TransferStatus.Cleared, TransferStatus.Dispatched, TransferStatus.Received];

    private sealed partial class Batch
    {
        public List<Transfer> NewTransfers { get; } = [];

        /// <summary>
        /// Takes each transfer of transfers.csv through its lifecycle, step by step as its parties would, up
        /// to the status the file gives. A transfer whose specimens were already in the records is left alone.
        /// </summary>
        public void Transfers(List<CsvRow> transferRows, List<CsvRow> lineRows)
        {
            var linesByTransfer = new Dictionary<string, List<CsvRow>>(StringComparer.Ordinal);
            foreach (var row in lineRows)
            {
                var key = row["transfer"] ?? "";
                if (transferRows.All(t => t["key"] != key))
                    problems.Add(row.Problem("transfer", $"There is no transfer '{key}' in transfers.csv."));
                else if (linesByTransfer.TryGetValue(key, out var list))
                    list.Add(row);
                else
                    linesByTransfer[key] = [row];
            }
            var now = db.UtcNow;
            foreach (var row in transferRows)
            {
                var lines = linesByTransfer.GetValueOrDefault(row["key"] ?? "") ?? [];
                if (lines.Count > 0 && lines.All(l => _existingKeys.Contains(l["specimen"] ?? "")))
                    continue;
                Transfer(row, lines, now);
            }
        }

        private void Transfer(CsvRow row, List<CsvRow> lineRows, DateTime now)
        {
            var before = problems.Count;
            var sender = InstitutionOf(row, "sender");
            var receiver = InstitutionOf(row, "receiver");
            var terms = TransferTerms.Gift;
            if (!Enum.TryParse(row["terms"]?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out terms) || !Enum.IsDefined(terms))
                problems.Add(row.Problem("terms", $"'{row["terms"]}' are not terms: gift, loan, exchange, sale or loan-return."));
            DateOnly? returnDue = null;
            if (row["return_due"] is { } dueText)
                returnDue = TryParseDate(dueText, out var due) ? due : Problem<DateOnly?>(row, "return_due", $"'{dueText}' is not a date (yyyy-MM-dd).");
            var status = TransferStatus.Draft;
            if (!Enum.TryParse(row["status"], ignoreCase: true, out status) || !Reachable.Contains(status))
                problems.Add(row.Problem("status", $"'{row["status"]}' is not a status a sample transfer can reach: {string.Join(", ", Reachable).ToLowerInvariant()}."));
            var dispatchedAt = Instant(row, "dispatched_at", required: status >= TransferStatus.Dispatched && Reachable.Contains(status));
            var receivedAt = Instant(row, "received_at", required: status == TransferStatus.Received);

            var requests = new List<LineRequest>();
            var receipts = new List<LineReceipt>();
            foreach (var line in lineRows)
            {
                if (line["specimen"] is not { } key || !_newByKey.TryGetValue(key, out var specimen))
                {
                    problems.Add(line.Problem("specimen", $"There is no specimen '{line["specimen"]}' in specimens.csv."));
                    continue;
                }
                SexCounts? counts = null;
                if (line["counts"] is { } countsText)
                    counts = SexCounts.TryParse(countsText, out var c) ? c : Problem<SexCounts?>(line, "counts", $"'{countsText}' is not male.female.unknown counts.");
                requests.Add(new LineRequest(specimen, counts));
                var sent = specimen.Kind == SpecimenKind.Group ? counts ?? specimen.Counts : SexCounts.Of(specimen.Sex);
                var outcome = line["outcome"]?.ToUpperInvariant() ?? "ARRIVED";
                var identifiers = ParseIdentifiers(line);
                receipts.Add(outcome switch
                {
                    "ARRIVED" => new LineReceipt(requests.Count, sent, SexCounts.Zero, SexCounts.Zero, identifiers),
                    "DEAD" => new LineReceipt(requests.Count, SexCounts.Zero, sent, SexCounts.Zero, identifiers),
                    "MISSING" => new LineReceipt(requests.Count, SexCounts.Zero, SexCounts.Zero, sent, identifiers),
                    _ => Problem<LineReceipt>(line, "outcome", $"'{line["outcome"]}' is not an outcome: arrived, dead or missing."),
                });
            }
            if (problems.Count > before)
                return;

            var by = db.ActorName;
            var drafted = Domain.Transfers.Transfer.Draft(TransferId.New(), sender, receiver, terms, returnDue, TransferParty.Sender, requests, now, by);
            if (!Report(drafted.Violations, row, lineRows))
                return;
            var transfer = drafted.Value;
            var specimens = requests.ToDictionary(r => r.Specimen.Id, r => r.Specimen);
            Specimen Get(SpecimenId id) => specimens[id];
            var reason = row["cleared_because"] ?? "Cleared by the sender's curator";
            var ok = (status < TransferStatus.Proposed || Report(transfer.Submit(TransferParty.Sender, now, by), row, lineRows))
                && (status < TransferStatus.Accepted || Report(transfer.Accept(TransferParty.Receiver, now, by), row, lineRows))
                && (status < TransferStatus.Cleared || Report(transfer.Clear(reason, now, by), row, lineRows))
                && (status < TransferStatus.Dispatched || Added(transfer.Dispatch(dispatchedAt!.Value, now, by, Get), row, lineRows, specimens))
                && (status < TransferStatus.Received || Added(transfer.Receive(receivedAt!.Value, receipts, now, by, Get), row, lineRows, specimens, "received_at"));
            if (ok)
                NewTransfers.Add(transfer);
        }

        private bool Added(Result<IReadOnlyList<Specimen>> result, CsvRow row, List<CsvRow> lineRows, Dictionary<SpecimenId, Specimen> specimens, string atColumn = "dispatched_at")
        {
            if (!Report(result.Violations, row, lineRows, atColumn))
                return false;
            foreach (var s in result.Value)
            {
                specimens[s.Id] = s;
                NewSpecimens.Add(s);
            }
            return true;
        }

        /// <summary>Reports the domain's violations at the row they concern: a line's at its row of transfer_lines.csv.</summary>
        private bool Report(IReadOnlyList<RuleViolation> violations, CsvRow row, List<CsvRow> lineRows, string atColumn = "dispatched_at")
        {
            foreach (var v in violations)
            {
                var match = LineField().Match(v.Field);
                if (match.Success && int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture) is var i && i < lineRows.Count)
                    problems.Add(lineRows[i].Problem(match.Groups["field"].Value is { Length: > 0 } f ? f : "specimen", v.Message));
                else
                    problems.Add(row.Problem(v.Field == "at" ? atColumn : Column(v.Field), v.Message));
            }
            return violations.Count == 0;
        }

        private InstitutionId InstitutionOf(CsvRow row, string column)
        {
            if (_institutions.TryGetValue(row[column] ?? "", out var id))
                return id;
            problems.Add(row.Problem(column, $"There is no institution '{row[column]}' in institutions.csv or in the records."));
            return default;
        }

        private DateTime? Instant(CsvRow row, string column, bool required)
        {
            if (row[column] is not { } text)
                return required ? Problem<DateTime?>(row, column, "The time is missing (UTC, e.g. 2024-04-25T06:00:00Z).") : null;
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : Problem<DateTime?>(row, column, $"'{text}' is not a time (UTC, e.g. 2024-04-25T06:00:00Z).");
        }

        private List<(string, string)> ParseIdentifiers(CsvRow row)
        {
            var identifiers = new List<(string, string)>();
            foreach (var item in (row["identifiers"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var colon = item.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == item.Length - 1)
                    problems.Add(row.Problem("identifiers", $"'{item}' is not scheme:value (e.g. transponder:643123456789012)."));
                else
                    identifiers.Add((item[..colon].Trim(), item[(colon + 1)..].Trim()));
            }
            return identifiers;
        }

        private T Problem<T>(CsvRow row, string column, string message)
        {
            problems.Add(row.Problem(column, message));
            return default!;
        }

        [GeneratedRegex(@"^lines\[(?<line>\d+)\]\.?(?<field>\w*)", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 100)]
        private static partial Regex LineField();
    }
}
