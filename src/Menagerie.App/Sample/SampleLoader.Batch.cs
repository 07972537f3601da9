using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Institutions;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Sample;

public sealed partial class SampleLoader
{
    /// <summary>
    /// The checked content of one load, and every problem found on the way. Specimens are handed to
    /// <paramref name="save"/> <paramref name="perSave"/> at a time as they are checked, while no problem has been
    /// found, and then let go; those that lines of <c>transfer_lines.csv</c> name (<paramref name="onTransfers"/>, by
    /// key) are kept for their transfers.
    /// </summary>
    private sealed partial class Batch(
        MenagerieDbContext db, List<InputProblem> problems, IReadOnlySet<string> onTransfers, Func<IReadOnlyList<Specimen>, CancellationToken, Task> save, int perSave)
    {
        private readonly HashSet<string> _countries = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, InstitutionId> _institutions = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<InstitutionId, string> _countryOf = [];
        private readonly Dictionary<string, TaxonId> _taxa = new(StringComparer.Ordinal);

        public List<Country> NewCountries { get; } = [];
        public List<Institution> NewInstitutions { get; } = [];
        public List<Taxon> NewTaxa { get; } = [];
        /// <summary>The new specimens held back for the transfers, with the groups their dispatches split off.</summary>
        public List<Specimen> Kept { get; } = [];
        public int AlreadyPresent { get; private set; }

        public async Task CountriesAsync(List<CsvRow> rows, CancellationToken ct)
        {
            _countries.UnionWith(await db.Countries.Select(c => c.Code).ToListAsync(ct));
            foreach (var row in rows)
            {
                var before = problems.Count;
                if (!TryParseFlag(row["cites_party"], out var party))
                    problems.Add(row.Problem("cites_party", $"'{row["cites_party"]}' is not true or false."));
                DateOnly? entry = null;
                if (row["cites_entry_into_force"] is { } e)
                {
                    if (TryParseDate(e, out var d)) entry = d;
                    else problems.Add(row.Problem("cites_entry_into_force", $"'{e}' is not a date (yyyy-MM-dd)."));
                }
                if (!TryParseDate(row["status_as_of"], out var asOf))
                    problems.Add(row.Problem("status_as_of", $"'{row["status_as_of"]}' is not a date (yyyy-MM-dd)."));
                // Files written before countries had the setting have no authority_approval column: none of their countries asks for approval.
                var approval = false;
                if (row["authority_approval"] is { } a && !TryParseFlag(a, out approval))
                    problems.Add(row.Problem("authority_approval", $"'{a}' is not true or false."));
                var created = Country.Create(row["code"] ?? "", row["name"] ?? "", party, entry, asOf, row["status_source"] ?? "");
                problems.AddRange(created.Violations.Select(v => row.Problem(Column(v.Field), v.Message)));
                if (problems.Count > before || !_countries.Add(created.Value.Code))
                    continue;
                created.Value.RequireAuthorityApproval(approval);
                NewCountries.Add(created.Value);
            }
        }

        public async Task InstitutionsAsync(List<CsvRow> rows, CancellationToken ct)
        {
            foreach (var i in await db.Institutions.AsNoTracking().ToListAsync(ct))
            {
                _institutions[i.Code] = i.Id;
                _countryOf[i.Id] = i.CountryCode;
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in rows)
            {
                // Files written before institutions had time zones have no time_zone column: their institutions keep days in UTC.
                var created = Institution.Create(InstitutionId.New(), row["code"] ?? "", row["name"] ?? "", row["country"] ?? "", row["time_zone"] ?? Institution.DefaultTimeZone);
                problems.AddRange(created.Violations.Select(v => row.Problem(Column(v.Field), v.Message)));
                var countryKnown = row["country"] is not { } country || _countries.Contains(country);
                if (!countryKnown)
                    problems.Add(row.Problem("country", $"There is no country '{row["country"]}' in countries.csv or in the records."));
                if (!created.IsValid || !countryKnown)
                    continue;
                if (!seen.Add(created.Value.Code))
                    problems.Add(row.Problem("code", $"The code {created.Value.Code} is listed twice."));
                else if (!_institutions.ContainsKey(created.Value.Code))
                {
                    _institutions[created.Value.Code] = created.Value.Id;
                    _countryOf[created.Value.Id] = created.Value.CountryCode;
                    NewInstitutions.Add(created.Value);
                }
            }
        }

        public async Task TaxaAsync(List<CsvRow> rows, CancellationToken ct)
        {
            foreach (var t in await db.Taxa.AsNoTracking().ToListAsync(ct))
                _taxa[t.ScientificName] = t.Id;
            foreach (var row in rows)
            {
                if (!Enum.TryParse<TaxonRank>(row["rank"], ignoreCase: true, out var rank) || !Enum.IsDefined(rank))
                {
                    problems.Add(row.Problem("rank", $"'{row["rank"]}' is not a rank: {string.Join(", ", Enum.GetNames<TaxonRank>())}."));
                    continue;
                }
                var created = Taxon.Create(TaxonId.New(), row["scientific_name"] ?? "", row["common_name"] ?? "", rank, row["class"] ?? "", row["family"]);
                problems.AddRange(created.Violations.Select(v => row.Problem(Column(v.Field), v.Message)));
                if (created.IsValid && _taxa.TryAdd(created.Value.ScientificName, created.Value.Id))
                    NewTaxa.Add(created.Value);
            }
        }
    }
}
