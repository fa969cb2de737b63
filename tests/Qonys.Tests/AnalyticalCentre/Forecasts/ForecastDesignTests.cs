using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Qonys.Engines.Forecasting;
using Qonys.Web.Modules.AnalyticalCentre.Exports;
using Qonys.Web.Modules.AnalyticalCentre.Forecasts;

namespace Qonys.Tests.AnalyticalCentre.Forecasts;

public sealed class ForecastDesignTests
{
    [Theory]
    // n = 12 (the 2024 regional months): no seasonal naive; h = 3 from max(4, 12 − 6) = 6: origins 6, 7, 8, 9.
    [InlineData(12, 3, 6, 4, 6, ForecastMethodKind.Naive)]
    // n = 8: h = 3 from max(4, 2) = 4: origins 4, 5.
    [InlineData(8, 3, 4, 2, 6, ForecastMethodKind.Naive)]
    // n = 17: h = min(12, 3) = 3 from 12: origins 12, 13, 14.
    [InlineData(17, 3, 12, 3, 7, ForecastMethodKind.SeasonalNaive)]
    // n = 30: h = 12 from 12: origins 12 … 18.
    [InlineData(30, 12, 12, 7, 7, ForecastMethodKind.SeasonalNaive)]
    // n = 60: the engine's monthly default, h = 12 from 36: origins 36 … 48.
    [InlineData(60, 12, 36, 13, 7, ForecastMethodKind.SeasonalNaive)]
    public void The_back_test_design_fits_the_series_length(
        int length, int horizon, int training, int origins, int methods, ForecastMethodKind baseline)
    {
        var plan = ForecastDesign.For(length);
        plan.Backtest!.Horizon.ShouldBe(horizon);
        plan.Backtest.MinimumTrainingLength.ShouldBe(training);
        plan.Backtest.TrainingLengths(length).Count.ShouldBe(origins);
        plan.Methods.Count.ShouldBe(methods);
        plan.Baseline.ShouldBe(baseline);
        plan.Methods.ShouldAllBe(m => m.MinimumLength(12) <= training);
    }

    [Fact]
    public void Fewer_than_8_months_get_no_back_test() => ForecastDesign.For(7).Backtest.ShouldBeNull();

    [Fact]
    public void Monthly_counts_run_from_the_first_month_to_the_last_complete_month()
    {
        DateOnly[] dates = [new(2024, 1, 5), new(2024, 1, 20), new(2024, 3, 1), new(2024, 4, 10)];
        var series = MonthlyCounts.Of(dates, today: new DateOnly(2024, 4, 15))!;
        // January 2, February 0, March 1; April is not complete yet.
        (series.StartYear, series.StartMonth).ShouldBe((2024, 1));
        series.Values.ShouldBe([2.0, 0.0, 1.0]);
        MonthlyCounts.Of([new DateOnly(2024, 4, 1)], new DateOnly(2024, 4, 15)).ShouldBeNull();
    }

    [Theory]
    [InlineData(0.5, 2.0, 0.25)]
    [InlineData(0.0, 0.0, 1.0)]
    public void Relative_scores_divide_by_the_baseline(double method, double baseline, double expected) =>
        SeriesForecasting.Ratio(method, baseline).ShouldBe(expected);

    [Fact]
    public void A_relative_score_against_a_perfect_baseline_has_no_value() =>
        SeriesForecasting.Ratio(1, 0).ShouldBeNull();

    [Fact]
    public void A_forecast_of_a_straight_line_of_12_months_continues_it()
    {
        // y = 10 + 2t, t = 0 … 11: naive errs by 2, 4, 6 at steps 1-3 of every origin, while the damped trend follows
        // the line almost exactly, so the chosen method (lowest MASE) scores below naive; the intervals nest around the
        // point.
        var series = new MonthlySeries(2024, 1, Enumerable.Range(0, 12).Select(t => 10.0 + 2 * t).ToList());
        var info = new SeriesInfo("line", "Line", "units", "test", "2024-01", "2024-12", 12);
        var forecast = SeriesForecasting.Forecast(info, series, 3);
        forecast.Forecast.Select(f => f.Period).ShouldBe(["2025-01", "2025-02", "2025-03"]);
        forecast.Backtest!.Scores.Single(s => s.Method == "naive").RelativeMase.ShouldBe(1);
        var naive = forecast.Backtest.Scores.Single(s => s.Method == "naive").Mase!.Value;
        forecast.Backtest.Scores.Single(s => s.Chosen).Mase!.Value.ShouldBeLessThan(naive);
        forecast.Forecast.ShouldAllBe(f =>
            f.Lower95 <= f.Lower80 && f.Lower80 <= f.Point && f.Point <= f.Upper80 && f.Upper80 <= f.Upper95);
    }
}

public sealed class TableExportTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_named_like_a_spreadsheet(int index, string name) =>
        TableExport.Column(index).ShouldBe(name);

    static readonly TableExport Table = new(
        "Sheet", ["region", "total", "note"], [["KZ-35", 1_204_000.0, "a, b"], ["KZ-59", 567_000.0, null]]);

    [Fact]
    public void Csv_has_a_byte_order_mark_a_header_and_quoted_commas()
    {
        var bytes = Table.ToCsv();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(bytes[3..])
            .ShouldBe("region,total,note\r\nKZ-35,1204000,\"a, b\"\r\nKZ-59,567000,\r\n");
    }

    [Fact]
    public void Xlsx_is_a_workbook_with_numbers_as_numbers()
    {
        var bytes = Table.ToXlsx();
        bytes[..2].ShouldBe("PK"u8.ToArray());
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        rows.Count.ShouldBe(3);
        rows[0].Elements<Cell>().Select(c => c.InnerText).ShouldBe(["region", "total", "note"]);
        var total = rows[1].Elements<Cell>().ElementAt(1);
        (total.CellReference!.Value, total.DataType!.Value, total.CellValue!.Text)
            .ShouldBe(("B2", CellValues.Number, "1204000"));
        rows[2].Elements<Cell>().ElementAt(2).InnerText.ShouldBe("");
    }
}
