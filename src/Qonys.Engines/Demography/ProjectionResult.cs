namespace Qonys.Engines.Demography;

/// <summary>Flows of one calendar year (thousands): births, deaths, net international and net inter-regional migration.</summary>
public readonly record struct AnnualFlows(double Births, double Deaths, double InternationalMigration, double InterRegionalMigration);

/// <summary>Population of a unit on 1 January of <see cref="Year"/> (thousands), with the flows of that calendar year when projected.</summary>
public sealed record PopulationSnapshot(int Year, IReadOnlyList<double> Male, IReadOnlyList<double> Female, AnnualFlows? FlowsDuringYear,
    StatutoryAgeRule AgeRule)
{
    /// <summary>Men, all ages.</summary>
    public double MaleTotal => Male.Sum();

    /// <summary>Women, all ages.</summary>
    public double FemaleTotal => Female.Sum();

    /// <summary>Both sexes, all ages.</summary>
    public double Total => MaleTotal + FemaleTotal;

    /// <summary>Population by 5-year group 0-4 … 95-99, 100+ (21 values) of one sex.</summary>
    public IReadOnlyList<double> FiveYearGroups(Sex sex)
    {
        var ages = sex == Sex.Male ? Male : Female;
        var groups = new double[AgeGrid.FiveYearGroups];
        for (var x = 0; x < AgeGrid.Count; x++) groups[Math.Min(x / 5, AgeGrid.FiveYearGroups - 1)] += ages[x];
        return groups;
    }

    /// <summary>Below working age, of working age, above working age (both sexes) under the statutory ages of the year.</summary>
    public (double Below, double Working, double Above) WorkingAgeSplit()
    {
        var m = StatutoryAges.Split(Male.ToArray(), AgeRule.WorkingAgeFrom, AgeRule.RetirementAgeMale);
        var f = StatutoryAges.Split(Female.ToArray(), AgeRule.WorkingAgeFrom, AgeRule.RetirementAgeFemale);
        return (m.Below + f.Below, m.Working + f.Working, m.Above + f.Above);
    }

    /// <summary>Share of the population of working age.</summary>
    public double WorkingAgeShare => WorkingAgeSplit().Working / Total;

    /// <summary>Share of the population above working age.</summary>
    public double AboveWorkingAgeShare => WorkingAgeSplit().Above / Total;

    /// <summary>Total dependency ratio: (below + above working age) / working age.</summary>
    public double DependencyRatio
    {
        get
        {
            var (below, working, above) = WorkingAgeSplit();
            return (below + above) / working;
        }
    }
}

/// <summary>The projection of one unit ("KZ" or a region code) for every 1 January 2026 … end year.</summary>
public sealed record UnitProjection(string Code, IReadOnlyList<PopulationSnapshot> Years)
{
    /// <summary>The snapshot of one year.</summary>
    public PopulationSnapshot At(int year) => Years.First(y => y.Year == year);
}

/// <summary>Result of a deterministic projection: the nation first, then the 20 regions.</summary>
public sealed record ProjectionResult(ScenarioDefinition Scenario, IReadOnlyList<UnitProjection> Units)
{
    /// <summary>The projection of "KZ" or a region code.</summary>
    public UnitProjection this[string code] => Units.First(u => u.Code == code);
}
