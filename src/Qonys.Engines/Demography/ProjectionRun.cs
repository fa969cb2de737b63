namespace Qonys.Engines.Demography;

/// <summary>Receives the results of one run: unit 0 is the nation ("KZ"), unit r+1 the region r.</summary>
internal interface IProjectionSink
{
    /// <summary>Population on 1 January of year index <paramref name="yearIndex"/> (0 = 2026).</summary>
    void Population(int yearIndex, int unit, ReadOnlySpan<double> cells);

    /// <summary>Flows of the calendar year with index <paramref name="yearIndex"/> (thousands).</summary>
    void Flows(int yearIndex, int unit, in AnnualFlows flows);
}

/// <summary>
/// One cohort-component run for the nation and the regions. Working buffers are owned by the instance, so one instance
/// serves one thread; it can run many trajectories one after another.
/// </summary>
internal sealed class ProjectionRun
{
    private const int N = AgeGrid.Count;
    private const int Cells = ProjectionModel.Cells;
    private readonly ProjectionModel _model;
    private readonly ScenarioDefinition _scenario;
    private readonly ScenarioSchedule _schedule;
    private readonly PreparedBase _base;
    private readonly int _regions;
    private double[] _nation = new double[Cells];
    private double[] _nationNext = new double[Cells];
    private double[][] _region;
    private double[][] _regionNext;
    private readonly double[][] _internal;
    private readonly double[] _survival = new double[Cells];
    private readonly double[] _asfr = new double[N];
    private readonly double[] _international = new double[Cells];
    private readonly double[] _modelInternational = new double[Cells];
    private readonly double[] _regionMigration = new double[Cells];
    private readonly double[] _pool = new double[Cells];
    private readonly double[] _inverseNation = new double[Cells];
    private readonly double[] _regionBirths;
    private readonly double[] _regionInternational;
    private readonly double[] _regionInternal;
    private readonly double[] _regionStart;

    public ProjectionRun(ProjectionModel model, ScenarioDefinition scenario, ScenarioSchedule schedule)
    {
        _model = model;
        _scenario = scenario;
        _schedule = schedule;
        _base = model.Bases[(int)scenario.Fertility];
        _regions = model.Regions.Count;
        _region = NewBlock(_regions);
        _regionNext = NewBlock(_regions);
        _internal = NewBlock(_regions);
        _regionBirths = new double[_regions];
        _regionInternational = new double[_regions];
        _regionInternal = new double[_regions];
        _regionStart = new double[_regions];
    }

    private static double[][] NewBlock(int count) => Enumerable.Range(0, count).Select(_ => new double[Cells]).ToArray();

    public void Run(TrajectoryPath path, IProjectionSink sink, CancellationToken cancellation, Action<int>? yearDone = null)
    {
        _base.National.CopyTo(_nation, 0);
        for (var r = 0; r < _regions; r++) _base.Regional[r].CopyTo(_region[r], 0);
        Report(sink, 0);
        var steps = _model.Steps;
        for (var i = 0; i < steps.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            Step(i, steps[i], path, sink);
            (_nation, _nationNext) = (_nationNext, _nation);
            (_region, _regionNext) = (_regionNext, _region);
            Report(sink, i + 1);
            yearDone?.Invoke(i);
        }
    }

    private void Report(IProjectionSink sink, int yearIndex)
    {
        sink.Population(yearIndex, 0, _nation);
        for (var r = 0; r < _regions; r++) sink.Population(yearIndex, r + 1, _region[r]);
    }

    private void Step(int i, StepRates rates, TrajectoryPath path, IProjectionSink sink)
    {
        var kMale = AbridgedLifeTable.SolveHazardFactor(rates.MxMale.AsSpan(), path.E0Male[i]);
        var kFemale = AbridgedLifeTable.SolveHazardFactor(rates.MxFemale.AsSpan(), path.E0Female[i]);
        var tfr = Math.Max(path.Tfr[i], 0);
        for (var x = 0; x < N; x++) _asfr[x] = tfr * rates.FertilityPattern[x];

        // National international migration: WPP by age and sex (plus the drawn deviation on a model schedule) and policy intakes.
        Array.Clear(_modelInternational);
        if (_scenario.InternationalMigration)
        {
            var profile = _model.MigrationProfile;
            var deviation = path.MigrationDeviation[i];
            for (var c = 0; c < Cells; c++) _modelInternational[c] = rates.Migration[c] + deviation * profile[c];
        }
        _modelInternational.CopyTo(_international, 0);
        foreach (var (_, cells) in _schedule.Labour[i])
            for (var c = 0; c < Cells; c++) _international[c] += cells[c];

        var nationStart = _nation.Sum();
        var nationBirths = Advance(_nation, _nationNext, rates, kMale, kFemale, 1.0, _international);
        var nationInternational = _international.Sum();
        sink.Flows(i, 0, new AnnualFlows(nationBirths, nationStart + nationBirths + nationInternational - _nationNext.Sum(),
            nationInternational, 0));

        InterRegionalFlows(i);
        for (var c = 0; c < Cells; c++) _inverseNation[c] = _nation[c] > 0 ? 1 / _nation[c] : 0;
        var birthSum = 0.0;
        for (var r = 0; r < _regions; r++)
        {
            var start = _region[r];
            var flows = _internal[r];
            var ownInternational = 0.0;
            for (var c = 0; c < Cells; c++)
            {
                // The region takes the national model migration of each (sex, age) cell in proportion to its population there.
                var international = _modelInternational[c] * start[c] * _inverseNation[c];
                ownInternational += international;
                _regionMigration[c] = international + flows[c];
            }
            foreach (var (region, cells) in _schedule.Labour[i])
            {
                if (region != r) continue;
                for (var c = 0; c < Cells; c++) { _regionMigration[c] += cells[c]; ownInternational += cells[c]; }
            }
            _regionInternational[r] = ownInternational;
            _regionInternal[r] = flows.Sum();
            _regionStart[r] = start.Sum();
            var hazard = _model.HazardRatio[r];
            _regionBirths[r] = Advance(start, _regionNext[r], rates, kMale * hazard[0], kFemale * hazard[1], _base.RegionalFertilityFactor[r], _regionMigration);
            birthSum += _regionBirths[r];
        }

        // Constrain the regions to the nation: each (sex, age) cell pro rata, births pro rata; deaths close each region's account.
        RegionalBase.FitAges(_regionNext, _nationNext);
        var birthFactor = birthSum > 0 ? nationBirths / birthSum : 0;
        for (var r = 0; r < _regions; r++)
        {
            var births = _regionBirths[r] * birthFactor;
            var deaths = _regionStart[r] + births + _regionInternational[r] + _regionInternal[r] - _regionNext[r].Sum();
            sink.Flows(i, r + 1, new AnnualFlows(births, deaths, _regionInternational[r], _regionInternal[r]));
        }
    }

    /// <summary>
    /// Inter-regional flows of the year from the start populations: regions with a net loss in the base data send
    /// ν_r·ρ(x)·P_r(s,x); the pool of each (sex, age) cell is shared among the gaining regions by their share of the
    /// observed gains; resettlement programmes move their families from one region to the other. Every cell sums to zero.
    /// </summary>
    private void InterRegionalFlows(int i)
    {
        foreach (var block in _internal) Array.Clear(block);
        if (_scenario.InterRegionalMigration)
        {
            Array.Clear(_pool);
            for (var r = 0; r < _regions; r++)
            {
                var nu = _model.OutIntensity[r];
                if (nu <= 0) continue;
                for (var c = 0; c < Cells; c++)
                {
                    var flow = nu * _model.RelativeAgeIntensity[c % N] * _region[r][c];
                    _internal[r][c] -= flow;
                    _pool[c] += flow;
                }
            }
            for (var r = 0; r < _regions; r++)
            {
                var share = _model.GainShare[r];
                if (share <= 0) continue;
                for (var c = 0; c < Cells; c++) _internal[r][c] += share * _pool[c];
            }
        }
        foreach (var (from, to, cells) in _schedule.Resettlement[i])
            for (var c = 0; c < Cells; c++)
            {
                _internal[from][c] -= cells[c];
                _internal[to][c] += cells[c];
            }
    }

    /// <summary>One year of <see cref="CohortStep"/> for both sexes of one population; returns the births.</summary>
    private double Advance(double[] start, double[] end, StepRates rates, double kMale, double kFemale, double fertilityFactor, double[] migration)
    {
        var survival = _survival.AsSpan();
        AbridgedLifeTable.FillSurvival(rates.MxMale.AsSpan(), kMale, survival[..N], out var birthMale);
        AbridgedLifeTable.FillSurvival(rates.MxFemale.AsSpan(), kFemale, survival[N..], out var birthFemale);
        CohortStep.AgeCohorts(start.AsSpan(0, N), end.AsSpan(0, N), survival[..N], migration.AsSpan(0, N));
        CohortStep.AgeCohorts(start.AsSpan(N, N), end.AsSpan(N, N), survival[N..], migration.AsSpan(N, N));
        var births = fertilityFactor * CohortStep.Births(_asfr, start.AsSpan(N, N), end.AsSpan(N, N));
        var srb = rates.SexRatioAtBirth;
        var maleBirths = births * srb / (1 + srb);
        end[0] = CohortStep.Newborns(maleBirths, birthMale, migration[0]);
        end[N] = CohortStep.Newborns(births - maleBirths, birthFemale, migration[N]);
        return births;
    }
}
