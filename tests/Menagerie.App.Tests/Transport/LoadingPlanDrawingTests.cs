using System.Globalization;
using System.Xml.Linq;
using Menagerie.App.Persistence;
using Menagerie.App.Transport;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transfers;
using Menagerie.Domain.Transport;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transport;

/// <summary>The loading plan drawn to scale as SVG, from the plan the API and the command line give.</summary>
public sealed class LoadingPlanDrawingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_sample_November_plan_is_drawn_to_scale_with_every_crate_labelled_and_linked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var plan = Ok(await scope.ServiceProvider.GetRequiredService<TransportPlans>().PlanAsync(november, null, Ct));

        var text = LoadingPlanDrawing.Draw(plan)!;

        var svg = XDocument.Parse(text).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("group", (string?)svg.Attribute("role"));
        Assert.Contains("Il-76MD cargo hold", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("19 of 19 crates in 16 rows", svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        var hold = svg.Descendants(Svg + "svg").Single(e => (string?)e.Attribute("id") == "hold");
        Assert.Equal(("0 0 20000 3450", "20000", "3450"), ((string?)hold.Attribute("viewBox"), (string?)hold.Attribute("width"), (string?)hold.Attribute("height")));
        var crates = Crates(svg);
        Assert.Equal(plan.Crates.Count, crates.Count);
        Assert.Equal(plan.Crates.Select(c => c.Crate).Order(StringComparer.Ordinal), crates.Keys.Order(StringComparer.Ordinal));
        foreach (var (number, crate) in crates)
        {
            Assert.Equal(number, crate.Descendants(Svg + "text").Single().Value);
            Assert.DoesNotContain("failing", (string?)crate.Attribute("class"), StringComparison.Ordinal);
        }
        var lion = crates[plan.Crates.Single(c => c.Animals.Single().Specimen == "MOS-00037").Crate];
        Assert.Equal("/specimens/MOS-00037", (string?)lion.Descendants(Svg + "a").Single().Attribute("href"));
        Assert.Contains("Panthera leo", lion.Descendants(Svg + "title").Single().Value, StringComparison.Ordinal);
        var placed = plan.Loading!.Placements.Single(p => p.Crate == (string?)lion.Attribute("data-crate"));
        var rect = lion.Descendants(Svg + "rect").Single();
        Assert.Equal((placed.FromDoorCm * 10, placed.AlongCm * 10, placed.AcrossCm * 10),
            ((int)rect.Attribute("x")!, (int)rect.Attribute("width")!, (int)rect.Attribute("height")!));
        var zone = hold.Elements(Svg + "rect").Single(e => (string?)e.Attribute("class") == "heated-zone");
        Assert.Equal(("14000", "6000"), ((string?)zone.Attribute("x"), (string?)zone.Attribute("width")));
        Assert.Equal("3580", (string?)hold.Elements(Svg + "rect").Single(e => (string?)e.Attribute("class") == "screen").Attribute("x"));
        Assert.Equal(16, svg.Descendants(Svg + "text").Count(e => (string?)e.Attribute("class") == "row"));
        Assert.DoesNotContain(svg.Descendants(Svg + "g"), e => (string?)e.Attribute("class") == "failure");
        Assert.Equal(text, LoadingPlanDrawing.Draw(plan));
    }

    [Fact]
    public void Every_failure_is_listed_and_its_crates_outlined_and_marked_in_text()
    {
        var plan = Failing();
        var failures = plan.Loading!.Failures;
        Assert.Contains(failures, f => f.Constraint == "height");
        Assert.Contains(failures, f => f.Constraint == "weight");
        Assert.Contains(failures, f => f.Constraint == "heated-zone");

        var svg = XDocument.Parse(LoadingPlanDrawing.Draw(plan)!).Root!;

        var crates = Crates(svg);
        Assert.Equal(plan.Crates.Count, crates.Count);
        var listed = svg.Descendants(Svg + "g").Where(e => (string?)e.Attribute("class") == "failure").ToList();
        Assert.Equal(failures.Select(f => f.Constraint), listed.Select(e => (string?)e.Attribute("data-constraint")));
        for (var i = 0; i < failures.Count; i++)
        {
            Assert.StartsWith($"!{i + 1} {failures[i].Constraint}:", listed[i].Elements(Svg + "text").First().Value, StringComparison.Ordinal);
            foreach (var number in failures[i].Crates)
            {
                var crate = crates[number];
                Assert.Contains("failing", (string?)crate.Attribute("class"), StringComparison.Ordinal);
                var marks = string.Concat(crate.Descendants(Svg + "tspan").Select(t => t.Value + " "));
                Assert.Matches($@"!([0-9]+,)*{i + 1}\b", marks);
                Assert.Equal("#b3261e", (string?)crate.Descendants(Svg + "rect").Single().Attribute("stroke"));
                Assert.NotNull(crate.Descendants(Svg + "rect").Single().Attribute("stroke-dasharray"));
            }
        }
        var weight = failures.Select((f, i) => (f, i)).Single(x => x.f.Constraint == "weight").i + 1;
        var header = string.Join(" ", svg.Elements(Svg + "text").TakeWhile(e => !e.Value.StartsWith("attendants", StringComparison.Ordinal)).Select(e => e.Value));
        Assert.Contains($"of 200 kg !{weight};", header, StringComparison.Ordinal);
        Assert.Equal("hold failing", (string?)svg.Descendants(Svg + "rect").Single(e => ((string?)e.Attribute("class"))?.StartsWith("hold", StringComparison.Ordinal) == true).Attribute("class"));
        var tall = Assert.Single(failures, f => f.Constraint == "height").Crates;
        Assert.All(tall, c => Assert.DoesNotContain(plan.Loading.Placements, p => p.Crate == c));
        Assert.Contains("a crate named in failure n below", svg.Descendants(Svg + "g").Single(e => (string?)e.Attribute("class") == "legend").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_escaped_and_numbers_written_the_same_in_every_culture()
    {
        var plan = Failing("Hold <A> & \"B\"");
        var before = CultureInfo.CurrentCulture;
        string invariant, commas;
        try
        {
            invariant = LoadingPlanDrawing.Draw(plan)!;
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = " ";
            CultureInfo.CurrentCulture = comma;
            commas = LoadingPlanDrawing.Draw(plan)!;
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.Equal(invariant, commas);
        var svg = XDocument.Parse(invariant).Root!;
        Assert.Contains("Hold <A> & \"B\"", svg.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("&lt;A&gt; &amp;", invariant, StringComparison.Ordinal);
        Assert.Matches(@"^0 0 [0-9.]+ [0-9.]+$", (string?)svg.Attribute("viewBox"));
    }

    /// <summary>A page says the drawing's words in its reader's language; the API and the command line keep the English.</summary>
    [Fact]
    public void Every_word_of_the_drawing_is_said_as_the_caller_says_it_and_in_English_by_default()
    {
        var plan = Failing();

        var said = XDocument.Parse(LoadingPlanDrawing.Draw(plan, say: w => "«" + w.Template + "»")!).Root!;

        Assert.Equal(LoadingPlanDrawing.Draw(plan), LoadingPlanDrawing.Draw(plan, say: w => w.ToString()));
        var words = said.Descendants(Svg + "text").Where(e => !e.HasElements && e.Value.Any(char.IsLetter) && e.Value != "!n").Select(e => e.Value).ToList();
        Assert.NotEmpty(words);
        // A sentence wrapped over lines is marked at its start and its end.
        Assert.All(words, w => Assert.True(w.Contains('«', StringComparison.Ordinal) || w.Contains('»', StringComparison.Ordinal), w));
        Assert.Contains("«DOOR»", words);
        Assert.Contains("«the door»", words);
        Assert.StartsWith("«Loading plan of the {0}, transfer {1}»", said.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.StartsWith("«Plan view of the {0}", said.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.All(Crates(said).Values, c => Assert.Contains("; «", c.Descendants(Svg + "title").Single().Value, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_without_a_hold_has_no_drawing()
    {
        var plan = View(TransportPlanner.Plan([], ContainerRequirementsFile.Embedded(), new Journey()));

        Assert.Null(LoadingPlanDrawing.Draw(plan));
    }

    private static Dictionary<string, XElement> Crates(XElement svg) =>
        svg.Descendants(Svg + "g").Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains("crate") == true)
            .ToDictionary(e => (string)e.Attribute("data-crate")!, StringComparer.Ordinal);

    private static TransportPlanView View(TransportPlan plan) => TransportPlanView.Of(new TransportPapers(
        Guid.Parse("5f6e0c4e-33a8-4f5e-8d8b-7a6b2b9e0c11"), "TR-1", new InstitutionParty("MOS", "Moscow Zoo", "RU", null),
        new InstitutionParty("PYO", "Central Zoo", "KP", null), null, plan, [], []));

    /// <summary>
    /// A lioness, a yak too tall for a low hold, cockatoos that need more warmth than a hold with no heated zone
    /// keeps, and partridges; the crates weigh more than the hold takes.
    /// </summary>
    private static TransportPlanView Failing(string hold = "Low hold")
    {
        TransportAnimal[] animals =
        [
            new()
            {
                Line = 1, Specimen = "MOS-00037", Name = "Laska & co", Taxon = "Panthera leo", CommonName = "African lion",
                Lineage = ["Panthera leo", "Panthera", "Felidae", "Mammalia"], Mammal = true, Count = 1, Measurements = new Measurements(180, 60, 35, 100, 190),
            },
            new()
            {
                Line = 2, Specimen = "PRG-00001", Name = "Tenzin", Taxon = "Bos grunniens", CommonName = "Yak",
                Lineage = ["Bos grunniens", "Bos", "Bovidae", "Mammalia"], Mammal = true, Count = 1, Measurements = new Measurements(250, 80, 60, 180, 500),
            },
            new()
            {
                Line = 3, Specimen = "MOS-00112", Taxon = "Cacatua alba", CommonName = "White cockatoo",
                Lineage = ["Cacatua alba", "Cacatua", "Cacatuidae", "Aves"], Count = 3, Measurements = new Measurements(46, null, 12, 30, 0.6m),
                Temperature = new TemperatureRange(20, 26),
            },
            new()
            {
                Line = 4, Specimen = "MOS-00140", Taxon = "Alectoris chukar", CommonName = "Chukar partridge",
                Lineage = ["Alectoris chukar", "Alectoris", "Phasianidae", "Aves"], Count = 10, Measurements = new Measurements(35, null, 12, 25, 0.5m),
            },
        ];
        var journey = new Journey
        {
            Hold = new Hold { Name = hold, LengthCm = 200, WidthCm = 300, HeightCm = 130, MaxLoadKg = 200, Temperature = new TemperatureRange(13, 18), AttendantReachCm = 50 },
            Attendant = "Dr. I. Petrova",
        };
        return View(TransportPlanner.Plan(animals, ContainerRequirementsFile.Embedded(), journey));
    }
}
