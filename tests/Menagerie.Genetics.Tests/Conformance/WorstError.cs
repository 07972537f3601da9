using System.Globalization;

namespace Menagerie.Genetics.Tests.Conformance;

/// <summary>Tracks the largest absolute difference over a table and reports it in the test output.</summary>
internal sealed class WorstError(string dataset, string quantity)
{
    private double _error;
    private string _where = "-";
    private int _count;

    public void Add(string where, double expected, double actual)
    {
        _count++;
        var error = Math.Abs(expected - actual);

        // A NaN (a value we failed to produce) must fail, so compare with !(<=).
        if (!(error <= _error))
        {
            _error = double.IsNaN(error) ? double.PositiveInfinity : error;
            _where = string.Create(CultureInfo.InvariantCulture, $"{where} (expected {expected:R}, got {actual:R})");
        }
    }

    public void AssertWithin(double tolerance)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{dataset} {quantity}: {_count} values, max |error| {_error:E2} at {_where}");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Assert.True(_count > 0, $"{dataset} {quantity}: nothing compared");
        Assert.True(_error <= tolerance, line);
    }
}
