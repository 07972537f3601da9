using System.Diagnostics;
using Menagerie.App.Transport;
using Menagerie.App.Transport.Documents;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;
using UglyToad.PdfPig;

namespace Menagerie.App.Tests.Transport;

public sealed class TransportDocumentsTests
{
    private static readonly Uri BaseUrl = new("https://menagerie.example");
    private static readonly Guid Lion = Guid.Parse("0b1c5a52-7d1e-4c1a-9a37-2f0d6c1e0001");

    [Fact]
    public void Labels_have_one_page_per_crate_with_markings_parties_and_contact()
    {
        var papers = Papers();

        var pages = Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.Labels)!);

        Assert.Equal(papers.Plan.Crates.Count, pages.Count);
        Assert.Equal(9, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var crate = papers.Plan.Crates[i];
            Has(pages[i], "LIVE ANIMALS");
            Has(pages[i], "THIS WAY UP");
            Has(pages[i], $"CRATE {crate.Number} of 9");
            Has(pages[i], crate.Occupants[0].Taxon);
            Has(pages[i], "Moscow Zoo");
            Has(pages[i], "Pyongyang Central Zoo");
            Has(pages[i], "+7 495 255-53-75");
            Has(pages[i], "Gross weight");
        }
    }

    [Fact]
    public void Labels_of_a_big_cat_say_padlocked_and_container_to_be_confirmed()
    {
        var pages = Pages(TransportDocuments.Render(Papers(), BaseUrl, TransportDocuments.Labels)!);

        var lion = Assert.Single(pages, p => p.Contains("Panthera leo", StringComparison.Ordinal));
        Has(lion, "Padlocked — keys travel with the documents");
        Has(lion, "to be confirmed from the current LAR edition");
        Assert.All(pages.Where(p => p.Contains("Cacatua alba", StringComparison.Ordinal)), p => Has(p, "CR11"));
    }

    [Fact]
    public void Labels_carry_a_QR_code_on_every_page()
    {
        using var pdf = PdfDocument.Open(TransportDocuments.Render(Papers(), BaseUrl, TransportDocuments.Labels)!.Pdf);

        Assert.All(pdf.GetPages(), page => Assert.NotEmpty(page.GetImages()));
    }

    [Fact]
    public void SpecimenUrl_keeps_a_base_path()
    {
        Assert.Equal($"https://menagerie.example/api/v1/specimens/{Lion}", TransportDocuments.SpecimenUrl(BaseUrl, Lion).AbsoluteUri);
        Assert.Equal($"https://zoo.example/menagerie/api/v1/specimens/{Lion}", TransportDocuments.SpecimenUrl(new Uri("https://zoo.example/menagerie/"), Lion).AbsoluteUri);
    }

    [Fact]
    public void Manifest_lists_every_specimen_identifier_crate_and_covering_document()
    {
        var papers = Papers();

        var text = string.Concat(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.Manifest)!));

        foreach (var line in papers.Lines)
        {
            Has(text, line.Specimen);
            Has(text, line.Taxon);
            Assert.All(line.Identifiers, id => Has(text, id));
            Assert.All(line.Documents, d => Has(text, d));
        }
        Has(text, "C02, C03, C04, C05, C06");
        Has(text, "SVO → FNJ");
        Has(text, "Menagerie's container table");
        Has(text, "Page 1 of 1");
    }

    [Fact]
    public void Manifest_of_many_lines_repeats_the_table_heading_on_each_page()
    {
        var many = ManyLines();

        var pages = Pages(TransportDocuments.Render(many, BaseUrl, TransportDocuments.Manifest)!);

        Assert.True(pages.Count > 1);
        for (var i = 0; i < pages.Count; i++)
        {
            Has(pages[i], "Covering documents");
            Has(pages[i], $"Page {i + 1} of {pages.Count}");
        }
        Assert.All(many.Lines, l => Has(string.Concat(pages), l.Specimen));
    }

    [Fact]
    public void Shippers_certification_has_both_names_the_signer_rule_and_the_cites_statement()
    {
        var papers = Papers();

        var text = string.Concat(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.ShippersCertification)!));

        Assert.All(papers.Lines, l =>
        {
            Has(text, l.CommonName);
            Has(text, l.Taxon);
        });
        Has(text, "Moscow Zoo");
        Has(text, "Pyongyang Central Zoo");
        Has(text, "not by an IATA cargo agent, consolidator, forwarder or indirect carrier");
        Has(text, "in duplicate");
        Has(text, "CITES permits/certificates are attached to the air waybill");
        Has(text, "RU-2024-EX-00417");
        Has(text, "Signature:");
    }

    [Fact]
    public void Shippers_certification_without_cites_documents_has_no_cites_statement()
    {
        var papers = Papers() with { Documents = [] };

        var text = string.Concat(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.ShippersCertification)!));

        Assert.DoesNotContain("CITES", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Air_waybill_handling_has_AVI_names_counts_pieces_gross_weight_and_notoc()
    {
        var papers = Papers();

        var text = string.Concat(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.AirWaybillHandling)!));

        Has(text, "AVI");
        Has(text, "1 × African lion");
        Has(text, "5 × White cockatoo");
        Has(text, "12 × Chukar partridge");
        Has(text, "Number of pieces9");
        var gross = papers.Plan.Crates.Sum(c => c.GrossKg);
        Has(text, $"Gross weight{gross:0.#} kg");
        Assert.All(papers.Plan.Crates, c => Has(text, c.Outer.ToString()));
        Has(text, "NOTOC");
        Has(text, "no other goods");
        Has(text, "Невыход животных из клетки гарантируется");
    }

    [Fact]
    public void Documents_of_a_blocked_plan_are_marked_draft()
    {
        var papers = Papers(hold: false);

        var text = string.Concat(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.Manifest)!));

        Has(text, "DRAFT: the transport plan is blocked (T-17)");
    }

    [Fact]
    public void Labels_without_crates_say_why()
    {
        var papers = Papers() with { Plan = TransportPlanner.Plan([], ContainerRequirementsFile.Embedded(), new Journey()) };

        var page = Assert.Single(Pages(TransportDocuments.Render(papers, BaseUrl, TransportDocuments.Labels)!));

        Has(page, "No crates are proposed");
    }

    [Fact]
    public void Render_by_an_unknown_name_is_null()
    {
        Assert.Null(TransportDocuments.Render(Papers(), BaseUrl, "passport.pdf"));
        Assert.Equal(TransportDocuments.Labels, TransportDocuments.Render(Papers(), BaseUrl, "LABELS.pdf")!.FileName);
    }

    [Fact]
    public async Task WriteAsync_writes_the_four_documents()
    {
        var directory = Directory.CreateTempSubdirectory("menagerie-transport-");
        try
        {
            var paths = await TransportDocuments.WriteAsync(Papers(), BaseUrl, Path.Combine(directory.FullName, "out"), TestContext.Current.CancellationToken);

            Assert.Equal(TransportDocuments.FileNames, paths.Select(Path.GetFileName));
            Assert.All(paths, p => Assert.StartsWith("%PDF", File.ReadAllText(p)[..4], StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Renders the first page of each document to PNG for a person to look at (they stay in the test output folder,
    /// transport-documents/). Needs poppler's pdftoppm; skipped without it.
    /// </summary>
    [Fact]
    public async Task Documents_render_to_png()
    {
        var pdftoppm = new[] { "/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm" }.FirstOrDefault(File.Exists);
        Assert.SkipWhen(pdftoppm is null, "pdftoppm (Debian's poppler-utils) is not installed.");
        var directory = Path.Combine(AppContext.BaseDirectory, "transport-documents");
        var ct = TestContext.Current.CancellationToken;
        var paths = (await TransportDocuments.WriteAsync(Papers(), BaseUrl, directory, ct)).ToList();
        paths.Add(Path.Combine(directory, "manifest-long.pdf"));
        await File.WriteAllBytesAsync(paths[^1], TransportDocuments.Render(ManyLines(), BaseUrl, TransportDocuments.Manifest)!.Pdf, ct);
        foreach (var path in paths)
        {
            var png = Path.ChangeExtension(path, null);
            using var process = Process.Start(new ProcessStartInfo(pdftoppm!, ["-png", "-r", "60", "-f", "1", "-l", "2", path, png]) { UseShellExecute = false })!;
            await process.WaitForExitAsync(ct);
            Assert.Equal(0, process.ExitCode);
            Assert.NotEmpty(Directory.GetFiles(directory, Path.GetFileName(png) + "-*.png"));
        }
    }

    /// <summary>Wrapped lines come back from the PDF without the space or line break between them, so compare without whitespace.</summary>
    private static void Has(string text, string expected) => Assert.Contains(Flat(expected), Flat(text), StringComparison.Ordinal);

    private static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static List<string> Pages(TransportDocument document)
    {
        using var pdf = PdfDocument.Open(document.Pdf);
        return [.. pdf.GetPages().Select(p => p.Text)];
    }

    /// <summary>Eighty lines of chukars, to fill more than one page of the manifest.</summary>
    private static TransportPapers ManyLines()
    {
        var papers = Papers();
        return papers with
        {
            Lines = [.. Enumerable.Range(1, 80).Select(i => papers.Lines[2] with { Line = i, Specimen = $"MOS-{i + 1000:00000}" })],
        };
    }

    /// <summary>A lion, five white cockatoos in their own crates and twelve chukars in group crates, Moscow to Pyongyang by air.</summary>
    private static TransportPapers Papers(bool hold = true)
    {
        TransportAnimal[] animals =
        [
            new()
            {
                Line = 1, Specimen = "MOS-00037", Name = "Laska", Taxon = "Panthera leo", CommonName = "African lion",
                Lineage = ["Panthera leo", "Panthera", "Felidae", "Mammalia"], Mammal = true, Count = 1,
                Measurements = new Measurements(180, 60, 35, 100, 190),
            },
            new()
            {
                Line = 2, Specimen = "MOS-00112", Taxon = "Cacatua alba", CommonName = "White cockatoo",
                Lineage = ["Cacatua alba", "Cacatua", "Cacatuidae", "Aves"], Count = 5,
                Measurements = new Measurements(46, null, 12, 30, 0.6m),
            },
            new()
            {
                Line = 3, Specimen = "MOS-00140", Taxon = "Alectoris chukar", CommonName = "Chukar partridge",
                Lineage = ["Alectoris chukar", "Alectoris", "Phasianidae", "Aves"], Count = 12,
                Measurements = new Measurements(35, null, 12, 25, 0.5m),
            },
        ];
        var journey = new Journey
        {
            Legs = [new JourneyLeg("SVO", "FNJ", new DateTime(2024, 11, 12, 8, 0, 0, DateTimeKind.Utc), new DateTime(2024, 11, 12, 17, 30, 0, DateTimeKind.Utc), TransportMode.Air, "Air Koryo", [])],
            Hold = hold ? new Hold { Name = "Il-76 cargo hold", LengthCm = 2000, WidthCm = 340, HeightCm = 300, MaxLoadKg = 20000, Temperature = new TemperatureRange(15, 22) } : null,
            Attendant = "Dr. I. Petrova",
        };
        var plan = TransportPlanner.Plan(animals, ContainerRequirementsFile.Embedded(), journey);
        ManifestLine[] lines =
        [
            new(1, Lion, "MOS-00037", "Laska", "Panthera leo", "African lion", "male", 1, ["transponder:643094100123456"],
                ["export-permit RU-2024-EX-00417", "veterinary-certificate RU-VET-2024-1188"]),
            new(2, Guid.Parse("0b1c5a52-7d1e-4c1a-9a37-2f0d6c1e0002"), "MOS-00112", null, "Cacatua alba", "White cockatoo", "2.3.0", 5,
                ["ring:MOS-R-2201", "ring:MOS-R-2202", "ring:MOS-R-2203", "ring:MOS-R-2204", "ring:MOS-R-2205"],
                ["export-permit RU-2024-EX-00418", "veterinary-certificate RU-VET-2024-1188"]),
            new(3, Guid.Parse("0b1c5a52-7d1e-4c1a-9a37-2f0d6c1e0003"), "MOS-00140", null, "Alectoris chukar", "Chukar partridge", "6.6.0", 12, [],
                ["veterinary-certificate RU-VET-2024-1188"]),
        ];
        return new TransportPapers(
            Guid.Parse("5f6e0c4e-33a8-4f5e-8d8b-7a6b2b9e0c11"), "TR-2024-0042",
            new InstitutionParty("MOS", "Moscow Zoo", "RU", "Bolshaya Gruzinskaya ul. 1, 123242 Moscow, Russia"),
            new InstitutionParty("PYO", "Pyongyang Central Zoo", "KP", "Taesong District, Pyongyang, DPR Korea"),
            "+7 495 255-53-75 (Moscow Zoo duty veterinarian, 24 h)", plan, lines,
            [
                new("export-permit", "RU-2024-EX-00417", "RU", new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31), [1]),
                new("export-permit", "RU-2024-EX-00418", "RU", new DateOnly(2024, 10, 1), new DateOnly(2025, 3, 31), [2]),
                new("veterinary-certificate", "RU-VET-2024-1188", "RU", new DateOnly(2024, 11, 8), null, []),
            ]);
    }
}
