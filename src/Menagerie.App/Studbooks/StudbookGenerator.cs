using System.Globalization;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.App.Studbooks;

/// <summary>
/// A synthetic studbook in the shape of the shared <c>synth_*</c> pedigrees: founders born in
/// <see cref="StudbookGenerator.FirstYear"/>, then 40 breeding years of overlapping generations.
/// Individuals are numbered in birth order; a parent index of -1 is unknown.
/// </summary>
public sealed class SyntheticStudbook(int[] sires, int[] dams, Sex[] sexes, int[] birthYears, int[] deathYears, bool[] alive)
{
    private readonly int _idWidth = Math.Max(7, sires.Length.ToString(CultureInfo.InvariantCulture).Length);

    public int Count => sires.Length;
    public ReadOnlySpan<int> Sires => sires;
    public ReadOnlySpan<int> Dams => dams;
    public ReadOnlySpan<Sex> Sexes => sexes;
    public ReadOnlySpan<int> BirthYears => birthYears;

    /// <summary>Birth year plus lifespan: the individual is alive in the years before this one (not written to the file).</summary>
    public ReadOnlySpan<int> DeathYears => deathYears;
    public ReadOnlySpan<bool> Alive => alive;

    public string Id(int individual) =>
        "S" + (individual + 1).ToString(CultureInfo.InvariantCulture).PadLeft(_idWidth, '0');

    /// <summary>Writes the columns <c>id,sire,dam,sex,birth_year,alive</c>, unknown parents blank.</summary>
    public async Task WriteCsvAsync(TextWriter writer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await writer.WriteAsync("id,sire,dam,sex,birth_year,alive\n".AsMemory(), ct);
        var line = new System.Text.StringBuilder(64);
        for (var i = 0; i < Count; i++)
        {
            line.Clear()
                .Append(Id(i)).Append(',')
                .Append(sires[i] < 0 ? "" : Id(sires[i])).Append(',')
                .Append(dams[i] < 0 ? "" : Id(dams[i])).Append(',')
                .Append(sexes[i] == Sex.Male ? 'M' : 'F').Append(',')
                .Append(birthYears[i]).Append(',')
                .Append(alive[i] ? '1' : '0').Append('\n');
            await writer.WriteAsync(line, ct);
        }
    }
}

/// <summary>
/// Makes synthetic studbooks for benchmarks and tests, deterministic for a seed: founders
/// (N/50, between 2 and 200) born in 1977; from 1980 the same number of births every year for 40
/// years; parents 2–12 years old and alive that year; each year about 30 % of eligible males
/// breed; 2 % of sires and 0.5 % of dams unknown; lifespans 1–16 years; alive = outlives 2019.
/// </summary>
public static class StudbookGenerator
{
    public const int FirstYear = 1977;
    public const int FirstBreedingYear = FirstYear + 3;
    public const int BreedingYears = 40;
    public const int LastYear = FirstBreedingYear + BreedingYears - 1;
    public const int MinParentAge = 2;
    public const int MaxParentAge = 12;
    public const int MaxLifespan = 16;
    public const double BreedingMaleShare = 0.30;
    public const double UnknownSireShare = 0.02;
    public const double UnknownDamShare = 0.005;

    public static SyntheticStudbook Generate(int size, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var state = new GeneratorState(size, seed);
        var founders = Math.Min(size, Math.Clamp(size / 50, 2, 200));
        for (var f = 0; f < founders; f++)
            state.Add(-1, -1, f % 2 == 0 ? Sex.Male : Sex.Female, FirstYear);
        var perYear = (size - founders + BreedingYears - 1) / BreedingYears;
        for (var year = FirstBreedingYear; year <= LastYear && state.Count < size; year++)
            state.BreedYear(year, Math.Min(perYear, size - state.Count));
        return state.ToStudbook();
    }

    private sealed class GeneratorState(int size, ulong seed)
    {
        private readonly int[] _sires = new int[size];
        private readonly int[] _dams = new int[size];
        private readonly Sex[] _sexes = new Sex[size];
        private readonly int[] _births = new int[size];
        private readonly int[] _deaths = new int[size];
        private readonly List<int> _males = [];
        private readonly List<int> _females = [];
        private ulong _random = seed;
        private int _oldest;

        public int Count { get; private set; }

        public void Add(int sire, int dam, Sex sex, int year)
        {
            _sires[Count] = sire;
            _dams[Count] = dam;
            _sexes[Count] = sex;
            _births[Count] = year;
            _deaths[Count] = year + 1 + Below(MaxLifespan);
            Count++;
        }

        public void BreedYear(int year, int births)
        {
            CollectParents(year);
            for (var b = 0; b < births; b++)
            {
                var sire = _males.Count == 0 || Chance(UnknownSireShare) ? -1 : _males[Below(_males.Count)];
                var dam = _females.Count == 0 || Chance(UnknownDamShare) ? -1 : _females[Below(_females.Count)];
                Add(sire, dam, Chance(0.5) ? Sex.Male : Sex.Female, year);
            }
        }

        public SyntheticStudbook ToStudbook()
        {
            var alive = new bool[Count];
            for (var i = 0; i < Count; i++)
                alive[i] = _deaths[i] > LastYear;
            return new SyntheticStudbook(_sires, _dams, _sexes, _births, _deaths, alive);
        }

        /// <summary>Females alive and of breeding age; a random ~30 % of such males (at least one).</summary>
        private void CollectParents(int year)
        {
            _males.Clear();
            _females.Clear();
            var eligibleMales = 0;
            var lastEligible = -1;
            // Individuals are in birth order, so the parents of this year are one contiguous range.
            while (_oldest < Count && _births[_oldest] < year - MaxParentAge)
                _oldest++;
            for (var i = _oldest; i < Count && _births[i] <= year - MinParentAge; i++)
            {
                if (_deaths[i] <= year)
                    continue;
                if (_sexes[i] == Sex.Female)
                {
                    _females.Add(i);
                    continue;
                }
                eligibleMales++;
                lastEligible = i;
                if (Chance(BreedingMaleShare))
                    _males.Add(i);
            }
            if (_males.Count == 0 && eligibleMales > 0)
                _males.Add(lastEligible);
        }

        private bool Chance(double p) => (Next() >> 11) * (1.0 / (1UL << 53)) < p;

        private int Below(int n) => (int)(((Next() >> 32) * (ulong)n) >> 32);

        /// <summary>SplitMix64: the same sequence on every platform and .NET version, unlike <see cref="Random"/>.</summary>
        private ulong Next()
        {
            var z = _random += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
