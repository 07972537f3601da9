using System.Xml.Linq;
using Menagerie.Domain;

namespace Menagerie.App.Transport;

public static partial class LoadingPlanDrawing
{
    /// <summary>The crates, the legend, the failures and the description a screen reader reads.</summary>
    private sealed partial class Sheet
    {
        private const double CrateText = 250, CratePadding = 60;

        /// <summary>
        /// A crate to scale with its number, and "!n" for each failure that names it; a link to the record of the
        /// animals in it when they are one record, and in every case a title naming them and where the crate stands.
        /// </summary>
        private XElement Crate(string number, double x, double y, double along, double across, string where)
        {
            var crate = _crates.GetValueOrDefault(number);
            var marks = _marks.GetValueOrDefault(number) ?? [];
            var failing = marks.Count > 0;
            var marker = failing ? "!" + string.Join(",", marks) : null;
            var failed = string.Join(", ", marks.Select(m => $"!{m} {loading.Failures[m - 1].Constraint}"));
            var title = E("title", string.Join("; ", new[] { $"{number}: {Animals(crate)}", where }.Concat(Needs(crate).Select(say))
                .Concat(failing ? [say($"fails {failed}")] : [])));
            object[] drawn =
            [
                title,
                E("rect", A("x", N(x)), A("y", N(y)), A("width", N(along)), A("height", N(across)), A("fill", "#ffffff"),
                    A("stroke", failing ? Alarm : Ink), A("stroke-width", failing ? "50" : "20"), failing ? A("stroke-dasharray", "150 75") : null),
                Label(number, marker, x, y, along, across, failing ? Alarm : Ink),
            ];
            var records = crate?.Animals.Select(a => a.Specimen).Distinct(StringComparer.Ordinal).ToList() ?? [];
            var content = records is [var record] ? [E("a", A("href", specimenPages + Uri.EscapeDataString(record)), drawn)] : drawn;
            return E("g", A("class", failing ? "crate failing" : "crate"), A("data-crate", number), content);
        }

        private string Animals(CrateView? crate) => crate is null ? say("no animals recorded") : string.Join("; ", crate.Animals.Select(a =>
            $"{a.Count} × {a.Taxon} ({a.CommonName}), {a.Specimen}{(a.Name is null ? "" : " " + a.Name)}"));

        private static IEnumerable<Wording> Needs(CrateView? crate)
        {
            if (crate?.Predator == true)
                yield return "predator";
            if (crate?.AttendantAccess == true)
                yield return "an attendant must reach it";
        }

        /// <summary>
        /// The number (and marks) as large as fits, up to the sheet's text size: across or along the crate, on one
        /// line or two, whichever gives the larger text; a crate too small for any keeps the smallest readable size.
        /// </summary>
        private static XElement Label(string number, string? marker, double x, double y, double along, double across, string colour)
        {
            string[][] layouts = marker is null ? [[number]] : [[number, marker], [$"{number} {marker}"]];
            var best = (Size: 0.0, Rotated: false, Lines: layouts[0]);
            foreach (var rotated in new[] { false, true })
            {
                foreach (var lines in layouts)
                {
                    var (wide, high) = rotated ? (across, along) : (along, across);
                    var size = Math.Min(CrateText, Math.Min(
                        (wide - CratePadding) / (CharWidth * lines.Max(l => l.Length)), (high - CratePadding) / (LineHeight * lines.Length)));
                    if (size > best.Size)
                        best = (size, rotated, lines);
                }
            }
            var fontSize = Math.Max(best.Size, MinCrateText);
            var (cx, cy) = (x + (along / 2), y + (across / 2));
            var first = cy - ((best.Lines.Length - 1) * fontSize * LineHeight / 2) + (fontSize * 0.35);
            return E("text", A("x", N(cx)), A("y", N(first)), A("font-size", N(fontSize)), A("text-anchor", "middle"), A("font-weight", "bold"), A("fill", colour),
                A("transform", best.Rotated ? $"rotate(-90 {N(cx)} {N(cy)})" : null),
                best.Lines.Select((line, i) => E("tspan", A("x", N(cx)), A("y", N(first + (i * fontSize * LineHeight))), line)));
        }

        private void Legend()
        {
            _y += Gap * 2;
            (Func<double, double, XElement> Swatch, Wording Text)[] items =
            [
                ((x, y) => Box(x, y, "#ffffff", Ink, "20", null), Wording.Of("crate and its number; it links to its animals' records")),
                ((x, y) => E("g", Box(x, y, "#ffffff", Alarm, "50", "150 75"), Text(x + 200, y + 190, "!n", 170, anchor: "middle", weight: "bold", fill: Alarm)),
                    Wording.Of("a crate named in failure n below")),
                ((x, y) => Box(x, y, AisleFill, null, null, null), Wording.Of("aisle for the attendants")),
                ((x, y) => Box(x, y, HeatFill, HeatInk, "30", "100 60"), Wording.Of("heated zone")),
                ((x, y) => E("rect", A("x", N(x)), A("y", N(y + 75)), A("width", "400"), A("height", "100"), A("fill", Ink)), Wording.Of("opaque sight screen (W-05)")),
                ((x, y) => E("line", A("x1", N(x + 200)), A("x2", N(x + 200)), A("y1", N(y)), A("y2", N(y + 250)), A("stroke", ReachInk), A("stroke-width", "40"),
                    A("stroke-dasharray", "100 50")), Wording.Of("limit of the attendants' reach from the door (W-11)")),
                ((x, y) => E("rect", A("x", N(x + 140)), A("y", N(y)), A("width", "120"), A("height", "250"), A("fill", Ink)), Wording.Of("the door")),
            ];
            var legend = E("g", A("class", "legend"));
            double at = 0, top = _y;
            foreach (var (swatch, wording) in items)
            {
                var text = say(wording);
                var width = 500 + TextWidth(text, SmallSize);
                if (at > 0 && at + width > Width)
                    (at, top) = (0, top + 450);
                legend.Add(swatch(Left + at, top), Text(Left + at + 500, top + 190, text, SmallSize));
                at += width + 500;
            }
            _parts.Add(legend);
            _y = top + 250;
        }

        private static XElement Box(double x, double y, string fill, string? stroke, string? strokeWidth, string? dashes) =>
            E("rect", A("x", N(x)), A("y", N(y)), A("width", "400"), A("height", "250"), A("fill", fill), A("stroke", stroke), A("stroke-width", strokeWidth),
                A("stroke-dasharray", dashes));

        private void Failures()
        {
            _y += Gap;
            if (loading.Failures.Count == 0)
            {
                Paragraph(say("Every constraint is met: each crate stands in the hold, screened, warm and within reach as it needs."), TextSize);
                return;
            }
            Paragraph(say("Constraints not met"), TextSize, weight: "bold");
            for (var i = 0; i < loading.Failures.Count; i++)
            {
                var failure = loading.Failures[i];
                var group = E("g", A("class", "failure"), A("data-constraint", failure.Constraint));
                Paragraph(say($"!{i + 1} {failure.Constraint}: {failure.Message}"), TextSize, fill: Alarm, into: group);
                _parts.Add(group);
            }
        }

        /// <summary>What the drawing shows, in words, for those who cannot see it.</summary>
        private string Description()
        {
            var text = new List<Wording>
            {
                $"Plan view of the {loading.Hold} seen from above, to scale (one unit a millimetre), the door on the left: floor {loading.LengthCm} cm long and {loading.WidthCm} cm wide, {loading.HeightCm} cm high; crates {loading.LoadKg:0.#} of {loading.MaxLoadKg:0.#} kg.",
            };
            if (loading.AisleCm > 0)
                text.Add($"A {loading.AisleCm} cm aisle for the attendants runs along the top side.");
            var rows = loading.Placements.GroupBy(p => p.Row).OrderBy(g => g.Key).ToList();
            var inRows = Wording.Join("; ", rows.Select(r => Wording.Of($"row {r.Key} at {r.First().FromDoorCm} cm, {string.Join(", ", r.Select(p => p.Crate))}")));
            text.Add($"{loading.Placements.Count} of {plan.Crates.Count} crates in {rows.Count} rows from the door: {inRows}.");
            var unplaced = NotLoaded.Select(c => c.Crate).ToList();
            if (unplaced.Count > 0)
                text.Add($"Not in the hold: {string.Join(", ", unplaced)}.");
            foreach (var screen in loading.ScreensAtCm)
                text.Add($"A sight screen at {screen} cm from the door between predators and other animals.");
            if (loading.HeatedZone is { } zone)
            {
                var outside = loading.Temperature is { } hold ? Degrees(hold) : "the hold's temperature is not recorded";
                text.Add($"Heated zone from {zone.FromCm} to {zone.ToCm} cm from the door at {Degrees(zone.Temperature)}; outside it {outside}.");
            }
            text.Add($"Attendants reach crates up to {loading.AttendantReachCm} cm from the door.");
            if (loading.Failures.Count == 0)
                text.Add("Every constraint is met.");
            else
                text.AddRange([Wording.Of("Constraints not met:"), .. loading.Failures.Select((f, i) => Wording.Of($"!{i + 1} {f.Constraint}: {f.Message}"))]);
            return string.Join(" ", text.Select(say));
        }
    }
}
