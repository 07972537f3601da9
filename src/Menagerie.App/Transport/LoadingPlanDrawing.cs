using System.Globalization;
using System.Xml.Linq;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.App.Transport;

/// <summary>
/// A transfer's loading plan drawn to scale as SVG: the hold seen from above with the door on the left, the
/// attendants' aisle along the top, the heated zone, the sight screens, the rows numbered from the door, the
/// attendants' reach, and every crate labelled with its number and linked to its animals' records. Each constraint
/// the plan fails is listed beneath, numbered, and the crates it concerns are outlined in red, dashed, and marked
/// <c>!n</c>: the colour is never the only sign. One unit is one millimetre of floor; shown at its natural size
/// (width and height in millimetres) the drawing is at 1:<see cref="Scale"/>. Its words are sentences
/// (<see cref="Wording"/>) said in English by default, numbers in the invariant culture, so that the same plan
/// gives the same text; a page says them in its reader's language.
/// </summary>
public static partial class LoadingPlanDrawing
{
    public const int Scale = 50;

    /// <summary>
    /// The plan's loading plan drawn, or null when it has none (no hold is recorded for the journey).
    /// <paramref name="specimenPages"/>: where an animal's record is, its identifier appended; by default the
    /// site's own <c>/specimens/</c>, so the drawing links within whichever installation shows it.
    /// <paramref name="say"/>: how the drawing's words are said; by default in English, as the API and the command line give them.
    /// </summary>
    public static string? Draw(TransportPlanView plan, string specimenPages = "/specimens/", Func<Wording, string>? say = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(specimenPages);
        return plan.Loading is { } loading ? new Sheet(plan, loading, specimenPages, say ?? English).Draw().ToString() : null;
    }

    private static string English(Wording wording) => wording.ToString();

    /// <summary>The drawing's parts, laid out from the top down; <see cref="Sheet"/> keeps where the next one goes.</summary>
    private sealed partial class Sheet(TransportPlanView plan, LoadingView loading, string specimenPages, Func<Wording, string> say)
    {
        // Sizes in millimetres of floor: at 1:50, 250 mm prints as 5 mm (about 19 px on a screen).
        private const double HeadingSize = 320, TextSize = 250, SmallSize = 200, MinCrateText = 120;
        private const double Margin = 300, Left = 900, Right = 400, Gap = 250, MinWidth = 12000;

        /// <summary>Text width is estimated at this share of the font size a character: enough for DejaVu Sans and Verdana digits and capitals.</summary>
        private const double CharWidth = 0.6, LineHeight = 1.3;

        // Dark ink and the red, blue and brown keep over 4.5:1 against white, the aisle's grey and the heated zone's orange.
        private const string Ink = "#1f2937", Alarm = "#b3261e", ReachInk = "#1d4ed8", HeatFill = "#fed7aa", HeatInk = "#9a3412", AisleFill = "#e5e7eb";
        private const string Font = "DejaVu Sans, Verdana, Arial, sans-serif";
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private readonly List<XElement> _parts = [];
        private readonly Dictionary<string, CrateView> _crates = plan.Crates.ToDictionary(c => c.Crate, StringComparer.Ordinal);
        private readonly Dictionary<string, List<int>> _marks = Marks(loading.Failures);
        private readonly double _holdLength = loading.LengthCm * 10.0, _holdWidth = loading.WidthCm * 10.0, _aisle = loading.AisleCm * 10.0;
        private double _y = Margin;

        /// <summary>How far the drawing reaches along the hold: crates that do not fit (floor) stand beyond its end.</summary>
        private double Extent => Math.Max(_holdLength, loading.Placements.Select(p => (p.FromDoorCm + p.AlongCm) * 10.0).DefaultIfEmpty(0).Max());

        /// <summary>The width text and parts below the hold may take; never so narrow that a short van's sheet cannot hold a sentence.</summary>
        private double Width => Math.Max(Extent, MinWidth);

        private IEnumerable<CrateView> NotLoaded => plan.Crates.Where(c => !loading.Placements.Any(p => string.Equals(p.Crate, c.Crate, StringComparison.Ordinal)));

        public XElement Draw()
        {
            Header();
            Annotations();
            Hold();
            Rows();
            Unplaced();
            ScaleBar();
            Legend();
            Failures();
            var width = Left + Width + Right;
            var height = _y + Margin;
            // A group, not an image: its crates are links, and an image's parts are not for a screen reader to enter.
            return E("svg",
                A("viewBox", $"0 0 {N(width)} {N(height)}"), A("width", N(width / Scale) + "mm"), A("height", N(height / Scale) + "mm"),
                A("role", "group"), A("aria-labelledby", "loading-plan-title"), A("aria-describedby", "loading-plan-desc"),
                A("font-family", Font), A("font-size", N(TextSize)), A("fill", Ink),
                E("title", A("id", "loading-plan-title"), say($"Loading plan of the {loading.Hold}, transfer {plan.Transfer}")),
                E("desc", A("id", "loading-plan-desc"), Description()),
                E("rect", A("width", N(width)), A("height", N(height)), A("fill", "#ffffff")),
                _parts);
        }

        /// <summary>Every failure's number (from 1) on each crate it names; a failure that names none (weight) marks the whole hold.</summary>
        private static Dictionary<string, List<int>> Marks(IReadOnlyList<LoadingFailure> failures)
        {
            var marks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < failures.Count; i++)
            {
                foreach (var crate in failures[i].Crates)
                {
                    if (!marks.TryGetValue(crate, out var list))
                        marks[crate] = list = [];
                    list.Add(i + 1);
                }
            }
            return marks;
        }

        private string HoldMarks => string.Concat(loading.Failures.Select((f, i) => f.Crates.Count == 0 ? $" !{i + 1}" : ""));

        private void Header()
        {
            Paragraph(say($"Loading plan: {loading.Hold}"), HeadingSize, "bold");
            var verdict = loading.Feasible ? "Every constraint is met."
                : loading.Failures.Count == 1 ? "1 constraint is not met: see the list below."
                : Wording.Of($"{loading.Failures.Count} constraints are not met: see the list below.");
            Paragraph(say($"Transfer {plan.Transfer}. Hold {loading.LengthCm} × {loading.WidthCm} × {loading.HeightCm} cm; crates {loading.LoadKg:0.#} of {loading.MaxLoadKg:0.#} kg{HoldMarks}; {loading.LengthUsedCm} cm of its length used.")
                + " " + say(verdict), TextSize);
            _y += Gap;
        }

        /// <summary>One line above the hold for each of the heated zone, the attendants' reach and each sight screen, at its place along the hold.</summary>
        private void Annotations()
        {
            if (loading.HeatedZone is { } zone)
                Note(zone.FromCm * 10.0, say($"heated zone, {zone.FromCm}–{zone.ToCm} cm from the door: {Degrees(zone.Temperature)}"), HeatInk, alignEnd: false);
            if (Reached)
                Note(loading.AttendantReachCm * 10.0, say($"attendants' reach: crates up to {loading.AttendantReachCm} cm from the door"), ReachInk, alignEnd: true);
            foreach (var screen in loading.ScreensAtCm)
                Note(screen * 10.0, say($"sight screen at {screen} cm between predators and other animals"), Ink, alignEnd: false);
        }

        /// <summary>A temperature range as the drawing words it.</summary>
        private static Wording Degrees(TemperatureRange range) => $"{range.Min} to {range.Max} °C";

        /// <summary>The reach ends within the drawing: beyond it no crate stands, and there is no line to draw.</summary>
        private bool Reached => loading.AttendantReachCm * 10.0 < Extent;

        private void Note(double at, string text, string colour, bool alignEnd)
        {
            var width = TextWidth(text, SmallSize);
            var x = Math.Clamp(Left + (alignEnd ? at - width : at), Left, Left + Width - width);
            _y += SmallSize * LineHeight;
            _parts.Add(Text(x, _y, text, SmallSize, fill: colour));
        }

        private void Hold()
        {
            _y += Gap;
            var top = _y;
            var outline = loading.Failures.Any(f => f.Crates.Count == 0);
            var hold = E("svg", A("id", "hold"), A("x", N(Left)), A("y", N(top)), A("width", N(_holdLength)), A("height", N(_holdWidth)),
                A("viewBox", $"0 0 {N(_holdLength)} {N(_holdWidth)}"), A("overflow", "visible"),
                E("rect", A("width", N(_holdLength)), A("height", N(_holdWidth)), A("fill", "#ffffff")),
                Aisle(), HeatedZone(), Screens(), Reach(),
                loading.Placements.Select(p => Crate(p.Crate, p.FromDoorCm * 10.0, _aisle + p.FromAisleCm * 10.0, p.AlongCm * 10.0, p.AcrossCm * 10.0, say(p.Heated
                    ? Wording.Of($"row {p.Row}, {p.FromDoorCm} cm from the door and {p.FromAisleCm} cm from the aisle, {p.AlongCm} cm along the hold and {p.AcrossCm} cm across, heated")
                    : Wording.Of($"row {p.Row}, {p.FromDoorCm} cm from the door and {p.FromAisleCm} cm from the aisle, {p.AlongCm} cm along the hold and {p.AcrossCm} cm across")))),
                E("rect", A("class", outline ? "hold failing" : "hold"), A("width", N(_holdLength)), A("height", N(_holdWidth)), A("fill", "none"),
                    A("stroke", outline ? Alarm : Ink), A("stroke-width", outline ? "60" : "40"), outline ? A("stroke-dasharray", "150 75") : null),
                // The door is the hold's end from which placements are measured (fromDoorCm 0). The plan does not
                // record its width or where it stands along that wall, so the whole end wall is drawn as the door,
                // as with the full-width rear ramp of a cargo aircraft or a lorry's rear doors.
                E("rect", A("class", "door"), A("x", "-120"), A("width", "120"), A("height", N(_holdWidth)), A("fill", Ink)));
            _parts.Add(hold);
            var middle = top + (_holdWidth / 2);
            _parts.Add(Text(Left - 300, middle, say("DOOR"), TextSize, anchor: "middle", weight: "bold", rotate: true));
            _y = top + _holdWidth;
        }

        // The plan measures each crate from the aisle (fromAisleCm) and keeps the aisle along one side without saying
        // which: it is drawn along the top, and the crates below it.
        private XElement? Aisle() => _aisle <= 0 ? null : E("g", A("class", "aisle"),
            E("rect", A("width", N(_holdLength)), A("height", N(_aisle)), A("fill", AisleFill)),
            _aisle >= SmallSize * LineHeight ? Text(300, (_aisle / 2) + (SmallSize * 0.35), say($"aisle, {loading.AisleCm} cm"), SmallSize) : null);

        private XElement? HeatedZone() => loading.HeatedZone is not { } zone ? null : E("rect", A("class", "heated-zone"),
            A("x", N(zone.FromCm * 10.0)), A("width", N((zone.ToCm - zone.FromCm) * 10.0)), A("height", N(_holdWidth)),
            A("fill", HeatFill), A("fill-opacity", "0.75"), A("stroke", HeatInk), A("stroke-width", "30"), A("stroke-dasharray", "100 60"));

        private IEnumerable<XElement> Screens() => loading.ScreensAtCm.Select(s => E("rect", A("class", "screen"),
            A("x", N(s * 10.0)), A("y", N(_aisle)), A("width", N(Loading.ScreenCm * 10.0)), A("height", N(_holdWidth - _aisle)), A("fill", Ink)));

        private XElement? Reach() => !Reached ? null : E("line", A("class", "attendant-reach"),
            A("x1", N(loading.AttendantReachCm * 10.0)), A("x2", N(loading.AttendantReachCm * 10.0)), A("y1", N(-Gap)), A("y2", N(_holdWidth + 100)),
            A("stroke", ReachInk), A("stroke-width", "40"), A("stroke-dasharray", "200 100"));

        /// <summary>Each row's number beneath the hold, at the middle of its depth.</summary>
        private void Rows()
        {
            if (loading.Placements.Count == 0)
                return;
            _y += SmallSize * LineHeight + 100;
            _parts.Add(Text(Left - 200, _y, say("row"), SmallSize, anchor: "end"));
            foreach (var row in loading.Placements.GroupBy(p => p.Row).OrderBy(g => g.Key))
            {
                var start = row.Min(p => p.FromDoorCm) * 10.0;
                var end = row.Max(p => p.FromDoorCm + p.AlongCm) * 10.0;
                _parts.Add(Text(Left + ((start + end) / 2), _y, row.Key.ToString(CultureInfo.InvariantCulture), SmallSize, anchor: "middle", cssClass: "row"));
            }
        }

        /// <summary>Crates no arrangement can take (too tall or too wide for the hold), drawn to scale beside it: every crate of the plan appears once.</summary>
        private void Unplaced()
        {
            var crates = NotLoaded.ToList();
            if (crates.Count == 0)
                return;
            _y += Gap;
            Paragraph(say("Not in the hold:"), TextSize, "bold");
            double x = 0, rowTop = _y + 100, rowDepth = 0;
            foreach (var c in crates)
            {
                var (length, width) = (c.OuterCm.Length * 10.0, c.OuterCm.Width * 10.0);
                if (x > 0 && x + length > Width)
                    (x, rowTop, rowDepth) = (0, rowTop + rowDepth + Gap, 0);
                _parts.Add(Crate(c.Crate, Left + x, rowTop, length, width,
                    say($"not in the hold, {c.OuterCm.Length} × {c.OuterCm.Width} × {c.OuterCm.Height} cm outside")));
                x += length + Gap;
                rowDepth = Math.Max(rowDepth, width);
            }
            _y = rowTop + rowDepth;
        }

        private void ScaleBar()
        {
            _y += Gap * 2;
            for (var m = 0; m < 5; m++)
            {
                _parts.Add(E("rect", A("class", "scale"), A("x", N(Left + (m * 1000))), A("y", N(_y)), A("width", "1000"), A("height", "100"),
                    A("fill", m % 2 == 0 ? Ink : "#ffffff"), A("stroke", Ink), A("stroke-width", "20")));
            }
            var labels = _y + 100 + (SmallSize * LineHeight);
            for (var m = 0; m <= 5; m++)
                _parts.Add(Text(Left + (m * 1000), labels, m == 5 ? say("5 m") : m.ToString(CultureInfo.InvariantCulture), SmallSize, anchor: "middle"));
            _parts.Add(Text(Left + 5600, labels, say($"1:{Scale} at the drawing's natural size"), SmallSize));
            _y = labels;
        }

        private static XElement E(string name, params object?[] content) => new(Svg + name, content);

        private static XAttribute? A(string name, string? value) => value is null ? null : new XAttribute(name, value);

        private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

        private static string N(decimal v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        private static double TextWidth(string text, double size) => Columns(text) * CharWidth * size;

        /// <summary>
        /// How many Latin characters' width a text takes: a Hangul or CJK character is about twice as wide. Estimated,
        /// as the drawing carries no font metrics, and generously, so that a label never runs past its place.
        /// </summary>
        private static int Columns(string text) => text.Length + text.Count(Wide);

        private static bool Wide(char c) => c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFF60');

        private static XElement Text(double x, double y, string text, double size, string anchor = "start", string? weight = null, string? fill = null,
            bool rotate = false, string? cssClass = null) =>
            E("text", A("class", cssClass), A("x", N(x)), A("y", N(y)), A("font-size", N(size)), A("text-anchor", anchor == "start" ? null : anchor),
                A("font-weight", weight), A("fill", fill), A("transform", rotate ? $"rotate(-90 {N(x)} {N(y)})" : null), text);

        /// <summary>Text wrapped at the sheet's width, one line under the other, added to the sheet or to <paramref name="into"/>.</summary>
        private void Paragraph(string text, double size, string? weight = null, string? fill = null, XElement? into = null)
        {
            foreach (var line in Wrap(text, (int)(Width / (CharWidth * size))))
            {
                _y += size * LineHeight;
                var element = Text(Left, _y, line, size, weight: weight, fill: fill);
                if (into is null)
                    _parts.Add(element);
                else
                    into.Add(element);
            }
        }

        private static IEnumerable<string> Wrap(string text, int columns)
        {
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && Columns(line) + 1 + Columns(word) > columns)
                {
                    yield return line;
                    line = "";
                }
                line = line.Length == 0 ? word : line + " " + word;
            }
            if (line.Length > 0)
                yield return line;
        }
    }
}
