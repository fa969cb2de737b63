namespace Qonys.Web.Platform.Demo;

/// <summary>Figures more than one module's demo data uses: the monthly calculation index (MCI) fines, fees and taxes are counted in.</summary>
internal static class DemoFigures
{
    public const int Mci2024 = 3692;
    public const int Mci2025 = 3932;

    /// <summary>The MCI in KZT of a year (as rule_values.csv: 2023 3,450; 2024 3,692; 2025 3,932).</summary>
    public static int Mci(int year) => year switch { <= 2022 => 3063, 2023 => 3450, 2024 => Mci2024, _ => Mci2025 };
}
