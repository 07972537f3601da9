using System.Globalization;
using Menagerie.App.Files;
using Menagerie.App.Transfers;
using Menagerie.App.Transport;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
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

        public List<TransferDocument> NewDocuments { get; } = [];

        public List<TransferJourney> NewJourneys { get; } = [];

        private readonly Dictionary<string, Transfer> _built = new(StringComparer.Ordinal);
        private readonly HashSet<string> _transferKeys = new(StringComparer.Ordinal);

        /// <summary>
        /// Takes each transfer of transfers.csv through its lifecycle, step by step as its parties would, up
        /// to the status the file gives. A transfer whose specimens were already in the records is left alone.
        /// </summary>
        public void Transfers(List<CsvRow> transferRows, List<CsvRow> lineRows, List<CsvRow> documentRows)
        {
            var built = _built;
            _transferKeys.UnionWith(transferRows.Select(t => t["key"] ?? ""));
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
                var approvals = documentRows.Where(d => d["transfer"] == row["key"] && (DocumentNames.TryParse(d["type"], out var type) || Words.TryParse(d["type"], out type)) && type == DocumentType.MinistryApproval).ToList();
                if (Transfer(row, lines, approvals, now) is { } transfer)
                    built[row["key"]!] = transfer;
            }
            foreach (var row in documentRows)
            {
                if (transferRows.All(t => t["key"] != row["transfer"]))
                    problems.Add(row.Problem("transfer", $"There is no transfer '{row["transfer"]}' in transfers.csv."));
                else if (built.TryGetValue(row["transfer"]!, out var transfer))
                    Document(row, transfer, now);
            }
        }

        /// <summary>
        /// The journeys of transfer_journeys.json, an object from transfer key to the journey as
        /// <c>menagerie transport journey</c> takes it; each problem named with its line.
        /// </summary>
        /// <summary>transfer_journeys.json is not the journeys' JSON at all.</summary>
        public bool JourneysUnreadable { get; private set; }

        public void Journeys(byte[] json)
        {
            var (journeys, unreadable) = JourneyFile.ReadMany(json, JourneysFile);
            if (journeys is null)
            {
                problems.AddRange(unreadable);
                JourneysUnreadable = true;
                return;
            }
            foreach (var (key, input) in journeys.Inputs)
            {
                if (!_built.TryGetValue(key, out var transfer))
                {
                    if (!_transferKeys.Contains(key))
                        problems.Add(journeys.Problem(key, $"There is no transfer '{key}' in transfers.csv."));
                    continue;
                }
                var checkedJourney = input.ToJourney([.. transfer.Lines.Select(l => l.Number)]);
                if (!checkedJourney.IsValid)
                    problems.AddRange(journeys.Locate(checkedJourney.Violations, key));
                else
                    NewJourneys.Add(TransferJourney.Create(transfer.Id, input, db.UtcNow, db.ActorName));
            }
        }

        private void Document(CsvRow row, Transfer transfer, DateTime now)
        {
            var before = problems.Count;
            // The names of shipment files (export-permit), and those of earlier versions (citesExportPermit).
            if (!DocumentNames.TryParse(row["type"], out var type) && !Words.TryParse(row["type"], out type))
                problems.Add(row.Problem("type", $"'{row["type"]}' is not a kind of document: {string.Join(", ", DocumentNames.All)}."));
            DateOnly? Date(string column) => row[column] is not { } text ? null
                : TryParseDate(text, out var date) ? date : Problem<DateOnly?>(row, column, $"'{text}' is not a date (yyyy-MM-dd).");
            var issued = Date("issued_on") ?? Problem<DateOnly?>(row, "issued_on", "The issue date is missing.");
            var (from, until) = (Date("valid_from"), Date("valid_until"));
            var covers = new List<(int, SexCounts?)>();
            foreach (var line in (row["lines"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    covers.Add((number, null));
                else
                    problems.Add(row.Problem("lines", $"'{line}' is not a line number."));
            }
            if (problems.Count > before)
                return;
            var registered = TransferDocument.Register(DocumentId.New(), transfer, new DocumentDetails
            {
                Type = type,
                Number = row["number"] ?? "",
                IssuingAuthority = row["issuing_authority"] ?? "",
                IssuingState = row["issuing_state"] ?? "",
                IssuedOn = issued!.Value,
                ValidFrom = from,
                ValidUntil = until,
                Covers = covers,
            }, null, now, db.ActorName);
            foreach (var v in registered.Violations)
                problems.Add(row.Problem(DocumentColumn(v.Field), v.Message));
            if (registered.IsValid)
                NewDocuments.Add(registered.Value);
        }

        private static string DocumentColumn(string field) => field switch
        {
            "issuingAuthority" => "issuing_authority",
            "issuingState" => "issuing_state",
            "issuedOn" => "issued_on",
            "validFrom" => "valid_from",
            "validUntil" => "valid_until",
            _ when field.StartsWith("covers", StringComparison.Ordinal) => "lines",
            _ => field,
        };

        private Transfer? Transfer(CsvRow row, List<CsvRow> lineRows, List<CsvRow> approvals, DateTime now)
        {
            var before = problems.Count;
            var sender = InstitutionOf(row, "sender");
            var receiver = InstitutionOf(row, "receiver");
            if (!Words.TryParse<TransferTerms>(row["terms"], out var terms))
                problems.Add(row.Problem("terms", $"'{row["terms"]}' are not terms: gift, loan, exchange, sale or loan-return."));
            DateOnly? returnDue = null;
            if (row["return_due"] is { } dueText)
                returnDue = TryParseDate(dueText, out var due) ? due : Problem<DateOnly?>(row, "return_due", $"'{dueText}' is not a date (yyyy-MM-dd).");
            DateOnly? plannedDeparture = null;
            if (row["planned_departure"] is { } plannedText)
                plannedDeparture = TryParseDate(plannedText, out var planned) ? planned : Problem<DateOnly?>(row, "planned_departure", $"'{plannedText}' is not a date (yyyy-MM-dd).");
            var status = TransferStatus.Draft;
            if (!Words.TryParse(row["status"], out status) || !Reachable.Contains(status))
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
                var identifiers = ParseIdentifiers(line);
                receipts.Add(ReceiptLines.Outcome(line["outcome"] ?? "arrived", sent) is var (arrived, dead, missing)
                    ? new LineReceipt(requests.Count, arrived, dead, missing, identifiers)
                    : Problem<LineReceipt>(line, "outcome", $"'{line["outcome"]}' is not an outcome: arrived, dead or missing."));
            }
            if (problems.Count > before)
                return null;

            var by = db.ActorName;
            var drafted = Domain.Transfers.Transfer.Draft(TransferId.New(), sender, receiver, terms, returnDue, TransferParty.Sender, requests, now, by, plannedDeparture);
            if (!Report(drafted.Violations, row, lineRows))
                return null;
            var transfer = drafted.Value;
            var specimens = requests.ToDictionary(r => r.Specimen.Id, r => r.Specimen);
            Specimen Get(SpecimenId id) => specimens[id];
            var reason = row["cleared_because"] ?? "Cleared by the sender's curator";
            var ok = (status < TransferStatus.Proposed || Report(transfer.Submit(TransferParty.Sender, now, by), row, lineRows))
                && (status < TransferStatus.Accepted || Report(transfer.Accept(TransferParty.Receiver, now, by, Get), row, lineRows))
                && approvals.TrueForAll(a => SignedOff(transfer, a, now, by))
                && (status < TransferStatus.Cleared || Report(transfer.Clear(reason, now, by), row, lineRows))
                && (status < TransferStatus.Dispatched || Added(transfer.Dispatch(dispatchedAt!.Value, now, by, Get), row, lineRows, specimens))
                && (status < TransferStatus.Received || Added(transfer.Receive(receivedAt!.Value, receipts, now, by, Get), row, lineRows, specimens, "received_at"));
            if (!ok)
                return null;
            NewTransfers.Add(transfer);
            return transfer;
        }

        /// <summary>
        /// A ministry approval of the sender's or the receiver's state is its authority's sign-off: recorded as that
        /// authority's approval before the transfer is cleared, as it would have been, and registered as the document it is.
        /// </summary>
        private bool SignedOff(Transfer transfer, CsvRow approval, DateTime now, string by)
        {
            var state = approval["issuing_state"]?.Trim() ?? "";
            TransferParty? side = string.Equals(state, _countryOf[transfer.SenderId], StringComparison.OrdinalIgnoreCase) ? TransferParty.Sender
                : string.Equals(state, _countryOf[transfer.ReceiverId], StringComparison.OrdinalIgnoreCase) ? TransferParty.Receiver
                : null;
            if (side is null)
            {
                problems.Add(approval.Problem("issuing_state", $"A ministry approval is issued by the sender's country ({_countryOf[transfer.SenderId]}) or the receiver's ({_countryOf[transfer.ReceiverId]}), whose authority signs the transfer off."));
                return false;
            }
            var violations = transfer.SignOff(side.Value, SignOffDecision.Approve, $"Approval {approval["number"]} of {approval["issuing_authority"]}", now, by);
            foreach (var v in violations)
                problems.Add(approval.Problem("type", v.Message));
            return violations.Count == 0;
        }

        private bool Added(Result<IReadOnlyList<Specimen>> result, CsvRow row, List<CsvRow> lineRows, Dictionary<SpecimenId, Specimen> specimens, string atColumn = "dispatched_at")
        {
            if (!Report(result.Violations, row, lineRows, atColumn))
                return false;
            foreach (var s in result.Value)
            {
                specimens[s.Id] = s;
                Kept.Add(s);
            }
            return true;
        }

        /// <summary>Reports the domain's violations at the row they concern: a line's at its row of transfer_lines.csv.</summary>
        private bool Report(IReadOnlyList<RuleViolation> violations, CsvRow row, List<CsvRow> lineRows, string atColumn = "dispatched_at")
        {
            foreach (var v in violations)
            {
                if (ReceiptLines.Field(v.Field) is var (i, field) && i < lineRows.Count)
                    problems.Add(lineRows[i].Problem(field.Split('[')[0] is { Length: > 0 } f ? f : "specimen", v.Message));
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

    }
}
