using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§4 and §2.4: temperature, one mammal per crate, no mixed species, sedation only with a veterinarian, state aircraft.</summary>
public static class WelfareRules
{
    public static readonly ComplianceRule W01 = new("W-01", "Temperature range in holding and transport", "50 CFR 14.109(b): 12.8–26.7 °C unless the examining veterinarian writes otherwise; penguins and auks ≤ 18.3 °C", Temperature);
    public static readonly ComplianceRule W03 = new("W-03", "One terrestrial mammal per enclosure", "50 CFR 14.161(b), 14.142(b)", OneMammalPerCrate);
    public static readonly ComplianceRule W04 = new("W-04", "No mixed species in one container", "CITES Guidelines, Advice to Carriers §1.5", NoMixedSpecies);
    public static readonly ComplianceRule W06 = new("W-06", "Sedation only with a veterinarian travelling", "CITES Guidelines, Advice to Carriers §1.4", Sedation);
    public static readonly ComplianceRule T21 = new("T-21", "State aircraft: evidence the LAR were met", "Res. Conf. 10.21; CITES Art. III(2)(c), IV(2)(c)", StateAircraft);

    private static readonly TemperatureRange Default = new(12.8m, 26.7m);
    private static readonly TemperatureRange Cold = new(12.8m, 18.3m);

    private static TemperatureRange Allowed(ShipmentLine line, ListingResolution listing) =>
        line.Temperature ?? (listing.InLineage("Spheniscidae") || listing.InLineage("Alcidae") ? Cold : Default);

    private static IEnumerable<Requirement> Temperature(ComplianceContext c)
    {
        var all = c.Shipment.Lines.Select(l => l.Number).ToList();
        if (c.Shipment.Transport.Forecast is not { } forecast)
        {
            yield return ComplianceContext.Condition("W-01", Severity.Warn, W01.Source, all, met: false,
                $"No temperature forecast is recorded for origin, transit and destination on {c.Shipment.Date:yyyy-MM-dd}: record it, and the veterinarian's range for each animal");
            yield break;
        }
        var outside = c.Lines.Where(x => !forecast.Within(Allowed(x.Line, x.Listing))).ToList();
        if (outside.Count == 0)
        {
            yield return ComplianceContext.Condition("W-01", Severity.Warn, W01.Source, all, met: true, $"Forecast {forecast} is within every animal's range");
            yield break;
        }
        var plan = c.Shipment.Transport.TemperaturePlan;
        var ranges = Wording.Join("; ", outside.GroupBy(x => Allowed(x.Line, x.Listing)).Select(g => g.Count() > 1
            ? Wording.Of($"{g.Key} for lines {string.Join(", ", g.Select(x => x.Line.Number))}")
            : $"{g.Key} for line {g.First().Line.Number}"));
        yield return ComplianceContext.Condition("W-01", Severity.Warn, W01.Source, outside.Select(x => x.Line.Number), !string.IsNullOrWhiteSpace(plan),
            string.IsNullOrWhiteSpace(plan)
                ? Wording.Of($"Forecast {forecast} falls outside {ranges}: plan heated holding and transfer, with the veterinarian's written range per animal")
                : $"Forecast {forecast} falls outside {ranges}: plan recorded: {plan}");
    }

    private static IEnumerable<IGrouping<string, (ShipmentLine Line, ListingResolution Listing)>> Crates(ComplianceContext c) =>
        c.Lines.Where(x => !string.IsNullOrWhiteSpace(x.Line.Crate)).GroupBy(x => x.Line.Crate!.Trim(), StringComparer.OrdinalIgnoreCase);

    private static bool IsTerrestrialMammal(ListingResolution listing) =>
        listing.InLineage("Mammalia") && !listing.InLineage("Rodentia") && !listing.InLineage("Cetacea") && !listing.InLineage("Sirenia");

    private static IEnumerable<Requirement> OneMammalPerCrate(ComplianceContext c)
    {
        foreach (var crate in Crates(c))
        {
            var mammals = crate.Where(x => IsTerrestrialMammal(x.Listing)).ToList();
            if (mammals.Count == 0)
                continue;
            var count = mammals.Sum(x => x.Line.Count);
            yield return ComplianceContext.Condition("W-03", Severity.Block, W03.Source, crate.Select(x => x.Line.Number), count == 1, count == 1
                ? Wording.Of($"Crate {crate.Key} holds one mammal")
                : $"Crate {crate.Key} holds {count} mammals ({string.Join(", ", mammals.Select(x => $"{x.Line.Count} × {x.Line.Taxon}"))}): one terrestrial mammal per enclosure, a mother with nursing young excepted");
        }
    }

    private static IEnumerable<Requirement> NoMixedSpecies(ComplianceContext c)
    {
        foreach (var crate in Crates(c))
        {
            var taxa = crate.Select(x => x.Listing.Taxon ?? x.Line.Taxon).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var lines = crate.Select(x => x.Line.Number).ToList();
            if (taxa.Count > 1)
            {
                yield return ComplianceContext.Condition("W-04", Severity.Block, W04.Source, lines, met: false,
                    $"Crate {crate.Key} mixes {taxa.Select(Wording.FromString).Aggregate((said, next) => $"{said} and {next}")}: animals of different species do not share a container unless it is fully partitioned");
            }
            else if (crate.Sum(x => x.Line.Count) > 1 && !IsTerrestrialMammal(crate.First().Listing))
            {
                var compatible = crate.All(x => x.Line.Compatible);
                yield return ComplianceContext.Condition("W-04", Severity.Warn, W04.Source, lines, compatible, compatible
                    ? Wording.Of($"Crate {crate.Key}: {crate.Sum(x => x.Line.Count)} × {taxa[0]}, recorded as compatible")
                    : $"Crate {crate.Key} holds {crate.Sum(x => x.Line.Count)} × {taxa[0]}: confirm they are known to be compatible");
            }
        }
    }

    private static IEnumerable<Requirement> Sedation(ComplianceContext c)
    {
        var sedated = c.Shipment.Lines.Where(l => l.Sedated).Select(l => l.Number).ToList();
        if (sedated.Count == 0)
            yield break;
        var vet = c.Shipment.Transport.VeterinarianTravelling;
        yield return ComplianceContext.Condition("W-06", Severity.Block, W06.Source, sedated, vet, vet
            ? "Sedated animals travel with a veterinarian; record drug, dose and time of the last dose"
            : "Sedated animals travel only with a veterinarian accompanying them");
    }

    private static IEnumerable<Requirement> StateAircraft(ComplianceContext c) =>
        c.Shipment.Transport.StateAircraft
            ? [c.Evidence("T-21", Severity.Warn, T21.Source, c.Shipment.Lines.Select(l => l.Number), DocumentType.ShippersCertification,
                "On a state aircraft the LAR may not bind the operator, but humane preparation must still be shown: CR-compliant crates, labels and the Shipper's Certification or equivalent")]
            : [];
}
