namespace Qonys.Engines.Demography;

/// <summary>The annual assumptions of one run, indexed by step (calendar year 2026 + i).</summary>
internal sealed record TrajectoryPath(double[] Tfr, double[] E0Male, double[] E0Female, double[] MigrationDeviation)
{
    /// <summary>The deterministic path of a scenario: WPP variant TFR, medium e0 + shift, WPP medium migration.</summary>
    public static TrajectoryPath Deterministic(ProjectionModel model, ScenarioDefinition scenario)
    {
        var steps = model.Steps;
        return new TrajectoryPath(
            steps.Select(s => ProjectionModel.TfrOf(s, scenario.Fertility)).ToArray(),
            steps.Select(s => s.LifeExpectancy.Male.Median + scenario.LifeExpectancyShiftYears).ToArray(),
            steps.Select(s => s.LifeExpectancy.Female.Median + scenario.LifeExpectancyShiftYears).ToArray(),
            new double[steps.Length]);
    }
}

/// <summary>Policy adjustments of a scenario turned into per-year age-sex vectors (thousands).</summary>
internal sealed class ScenarioSchedule
{
    private ScenarioSchedule(List<(int Region, double[] Cells)>[] labour, List<(int From, int To, double[] Cells)>[] resettlement)
    {
        Labour = labour;
        Resettlement = resettlement;
    }

    public List<(int Region, double[] Cells)>[] Labour { get; }
    public List<(int From, int To, double[] Cells)>[] Resettlement { get; }

    public static ScenarioSchedule Create(ProjectionModel model, ScenarioDefinition scenario)
    {
        var steps = model.Steps;
        var labour = new List<(int, double[])>[steps.Length];
        var resettlement = new List<(int, int, double[])>[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var year = steps[i].Year;
            labour[i] = scenario.LabourIntakes.Where(l => year >= l.FirstYear && year <= l.LastYear)
                .Select(l => (model.RegionIndex(l.Region), LabourCells(l))).ToList();
            resettlement[i] = scenario.Resettlements.Where(p => year >= p.FirstYear && year <= p.LastYear)
                .Select(p => (model.RegionIndex(p.FromRegion), model.RegionIndex(p.ToRegion), FamilyCells(p))).ToList();
        }
        return new ScenarioSchedule(labour, resettlement);
    }

    private static double[] LabourCells(LabourIntake intake)
    {
        Validate(intake.AgeFrom, intake.AgeTo);
        var cells = new double[ProjectionModel.Cells];
        var perAge = intake.PersonsPerYear / 1000.0 / (intake.AgeTo - intake.AgeFrom + 1);
        for (var x = intake.AgeFrom; x <= intake.AgeTo; x++)
        {
            cells[x] += perAge * intake.MaleShare;
            cells[AgeGrid.Count + x] += perAge * (1 - intake.MaleShare);
        }
        return cells;
    }

    private static double[] FamilyCells(Resettlement programme)
    {
        var cells = new double[ProjectionModel.Cells];
        foreach (var member in programme.Family)
        {
            Validate(member.AgeFrom, member.AgeTo);
            var perAge = programme.FamiliesPerYear * member.Count / 1000.0 / (member.AgeTo - member.AgeFrom + 1);
            for (var x = member.AgeFrom; x <= member.AgeTo; x++) cells[(int)member.Sex * AgeGrid.Count + x] += perAge;
        }
        return cells;
    }

    private static void Validate(int from, int to)
    {
        if (from < 0 || to > AgeGrid.Open || to < from) throw new ArgumentException($"Invalid age band {from}-{to}.");
    }
}
