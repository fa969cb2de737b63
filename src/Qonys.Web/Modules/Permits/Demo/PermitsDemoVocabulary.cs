using Qonys.Web.Modules.Permits.Domain;

namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>
/// The plausible spreads behind the permits' demo data: where the published figures name no value (other countries,
/// other sections, regions), these weights decide. Synthetic names per citizenship, occupations per category and section.
/// </summary>
internal static class PermitsDemoVocabulary
{
    /// <summary>Countries other than the four the figures name, weighted like Kazakhstan's other sources of foreign labour.</summary>
    public static readonly (string Code, double Weight)[] OtherCountries =
    [
        ("RU", 900), ("KG", 700), ("TJ", 450), ("KR", 350), ("DE", 200), ("GB", 180), ("US", 170), ("UA", 150), ("PK", 140),
        ("BY", 120), ("AZ", 120), ("IT", 110), ("PH", 110), ("VN", 100), ("FR", 90), ("MN", 90), ("GE", 80), ("JP", 80),
        ("IR", 70), ("BD", 60), ("ES", 50), ("NL", 50), ("AM", 50), ("NP", 40), ("MY", 40), ("CA", 40), ("MD", 30), ("AU", 30),
    ];

    /// <summary>Citizenship weights used where the figures name none (the named four at their May shares).</summary>
    public static readonly (string Code, double Weight)[] AllCountries =
        [("CN", 5100), ("UZ", 1900), ("TR", 1100), ("IN", 1100), .. OtherCountries.Select(c => (c.Code, c.Weight * 5100 / 4420))];

    /// <summary>OKED sections other than the five the figures name for March, weighted like foreign employment outside them.</summary>
    public static readonly (string Code, double Weight)[] OtherSections =
    [
        ("G", 25), ("H", 20), ("M", 18), ("J", 12), ("D", 12), ("I", 8), ("E", 5), ("Q", 5), ("P", 4), ("K", 3), ("L", 3), ("S", 3), ("R", 2),
    ];

    public static readonly (string Code, double Weight)[] AllSections =
        [("F", 5000), ("A", 2300), ("B", 1300), ("C", 1300), ("N", 1000), .. OtherSections.Select(s => (s.Code, s.Weight * 3400 / 120))];

    /// <summary>
    /// The 2025 regional split of the foreign-labour quota: the six published regions as published, the other fourteen
    /// chosen so that all twenty sum to the published national 14,800 (Atyrau stays the largest).
    /// </summary>
    public static readonly (string Code, int Places)[] RegionalSplit2025 =
    [
        ("KZ-23", 3522), ("KZ-19", 1355), ("KZ-75", 1290), ("KZ-47", 1150), ("KZ-27", 1038), ("KZ-71", 975), ("KZ-15", 820),
        ("KZ-63", 700), ("KZ-55", 610), ("KZ-43", 560), ("KZ-61", 420), ("KZ-35", 414), ("KZ-31", 380), ("KZ-11", 330),
        ("KZ-39", 300), ("KZ-10", 250), ("KZ-33", 230), ("KZ-62", 179), ("KZ-79", 147), ("KZ-59", 130),
    ];

    /// <summary>Regions where a section is concentrated (their weight is multiplied for employers of that section).</summary>
    public static readonly Dictionary<string, string[]> SectionRegions = new()
    {
        ["B"] = ["KZ-23", "KZ-47", "KZ-27", "KZ-15", "KZ-35", "KZ-62", "KZ-43", "KZ-63"],
        ["A"] = ["KZ-19", "KZ-61", "KZ-31", "KZ-33", "KZ-11", "KZ-39", "KZ-59"],
        ["J"] = ["KZ-71", "KZ-75"], ["K"] = ["KZ-71", "KZ-75"], ["M"] = ["KZ-71", "KZ-75"],
        ["F"] = ["KZ-71", "KZ-75", "KZ-23"],
    };

    /// <summary>
    /// Household labour immigrants' citizenships other than Uzbekistan (the only one published): an assumption, weighted
    /// toward the neighbours whose citizens come for domestic work without a visa.
    /// </summary>
    public static readonly (string Code, double Weight)[] HouseholdOtherCountries =
    [
        ("TJ", 40), ("KG", 25), ("AF", 9), ("CN", 6), ("RU", 6), ("TM", 5), ("AZ", 3), ("MN", 2), ("PK", 2), ("IN", 2),
    ];

    /// <summary>
    /// Household employers by region: an assumption (no regional split is published), weighted toward the largest cities
    /// and the south where domestic workers from Uzbekistan mostly live — Almaty city, Astana, Shymkent, Almaty and
    /// Turkestan regions — and roughly by population elsewhere.
    /// </summary>
    public static readonly (string Code, double Weight)[] HouseholdRegions =
    [
        ("KZ-75", 30), ("KZ-71", 20), ("KZ-79", 12), ("KZ-19", 10), ("KZ-61", 8), ("KZ-31", 2.5), ("KZ-35", 2.5), ("KZ-23", 2.2),
        ("KZ-47", 2), ("KZ-43", 1.6), ("KZ-15", 1.5), ("KZ-33", 1.2), ("KZ-55", 1.2), ("KZ-63", 1.2), ("KZ-11", 1), ("KZ-27", 1),
        ("KZ-10", 0.8), ("KZ-39", 0.8), ("KZ-59", 0.5), ("KZ-62", 0.3),
    ];

    /// <summary>Workers per household (an assumption): most households employ one, few the five the law allows.</summary>
    public static readonly (int Workers, double Weight)[] HouseholdSizes = [(1, 70), (2, 17), (3, 7), (4, 4), (5, 2)];

    /// <summary>Household permit terms in months (1–12, an assumption): a year, half a year and a quarter most often.</summary>
    public static readonly (int Months, double Weight)[] HouseholdTerms =
    [
        (12, 30), (6, 20), (3, 14), (9, 8), (1, 5), (2, 5), (4, 4), (5, 4), (7, 3), (8, 3), (10, 2), (11, 2),
    ];

    /// <summary>The prepaid income tax per month of a household permit, as rule_values.csv (household.prepaid_tax_mci_per_month).</summary>
    public const decimal HouseholdPrepaidTaxMciPerMonth = 4;

    static readonly string[] CnSurnames = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"];
    static readonly string[] CnGiven = ["Wei", "Fang", "Lei", "Jun", "Hao", "Ming", "Yong", "Jie", "Tao", "Bin", "Xiaoling", "Yan"];
    static readonly string[] InSurnames = ["Sharma", "Patel", "Singh", "Kumar", "Reddy", "Gupta", "Nair", "Iyer", "Das", "Rao"];
    static readonly string[] InGiven = ["Rahul", "Amit", "Vikram", "Suresh", "Arjun", "Ravi", "Sanjay", "Deepak", "Priya", "Anil"];
    static readonly string[] TrSurnames = ["Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Yildiz", "Aydin", "Ozturk", "Arslan", "Dogan"];
    static readonly string[] TrGiven = ["Mehmet", "Mustafa", "Ahmet", "Ali", "Emre", "Murat", "Hasan", "Burak", "Elif", "Kemal"];
    static readonly string[] CaSurnames = ["Karimov", "Rakhimov", "Yusupov", "Tursunov", "Aliyev", "Nazarov", "Sobirov", "Asanov", "Saidov", "Sharipov"];
    static readonly string[] CaGiven = ["Jasur", "Bekzod", "Sardor", "Aziz", "Dilshod", "Rustam", "Otabek", "Sherzod", "Nurlan", "Farrukh", "Azamat", "Davron"];
    static readonly string[] SlSurnames = ["Ivanov", "Petrov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Volkov", "Morozov", "Novikov"];
    static readonly string[] SlGiven = ["Sergei", "Andrei", "Dmitry", "Alexei", "Ivan", "Nikolai", "Olga", "Pavel", "Yuri"];
    static readonly string[] KrSurnames = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"];
    static readonly string[] KrGiven = ["Minho", "Jisoo", "Hyun", "Sungmin", "Dongwook", "Yuna"];
    static readonly string[] SaSurnames = ["Khan", "Ahmed", "Hossain", "Rahman", "Hosseini", "Karimi", "Thapa"];
    static readonly string[] SaGiven = ["Imran", "Bilal", "Tariq", "Reza", "Kamal", "Arif", "Sami"];
    static readonly string[] EaSurnames = ["Nguyen", "Tran", "Santos", "Reyes", "Bat-Erdene", "Tanaka", "Sato", "Abdullah"];
    static readonly string[] EaGiven = ["Minh", "Thanh", "Jose", "Mark", "Bold", "Hiroshi", "Kenji", "Ahmad"];
    static readonly string[] WeSurnames = ["Smith", "Mueller", "Rossi", "Martin", "Garcia", "Jansen", "Brown", "Taylor", "Schmidt", "Wilson"];
    static readonly string[] WeGiven = ["James", "Thomas", "Marco", "Pierre", "Carlos", "Jan", "Michael", "Anna", "Peter", "David"];

    public static string FullName(string citizenship, Random rng)
    {
        var (surnames, given) = citizenship switch
        {
            "CN" => (CnSurnames, CnGiven),
            "IN" => (InSurnames, InGiven),
            "TR" => (TrSurnames, TrGiven),
            "UZ" or "KG" or "TJ" or "AZ" or "TM" => (CaSurnames, CaGiven),
            "RU" or "BY" or "UA" or "MD" or "GE" or "AM" => (SlSurnames, SlGiven),
            "KR" => (KrSurnames, KrGiven),
            "PK" or "BD" or "IR" or "NP" or "AF" => (SaSurnames, SaGiven),
            "VN" or "PH" or "MN" or "JP" or "MY" => (EaSurnames, EaGiven),
            _ => (WeSurnames, WeGiven),
        };
        var surname = surnames[rng.Next(surnames.Length)];
        var first = given[rng.Next(given.Length)];
        return citizenship is "CN" or "KR" or "VN" ? $"{surname} {first}" : $"{first} {surname}";
    }

    /// <summary>A passport number in the shape the country uses (letters and digits), synthetic.</summary>
    public static string PassportNumber(string citizenship, Random rng)
    {
        var digits = rng.Next(1_000_000, 10_000_000);
        return citizenship switch
        {
            "CN" => $"E{digits}{rng.Next(10)}",
            "IN" => $"{(char)('K' + rng.Next(10))}{digits}",
            "TR" => $"U{digits}{rng.Next(10)}",
            "UZ" => $"FA{digits}",
            "RU" => $"7{rng.Next(10)}{digits}",
            _ => $"{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}{digits}",
        };
    }

    public static string Education(string category, Random rng) => category switch
    {
        PermitCategory.Heads or PermitCategory.DivisionHeads => rng.Next(10) < 6 ? "master" : rng.Next(10) < 9 ? "bachelor" : "doctorate",
        PermitCategory.Specialists or PermitCategory.Ict => rng.Next(10) < 6 ? "bachelor" : rng.Next(10) < 9 ? "master" : "doctorate",
        PermitCategory.SkilledWorkers => rng.Next(10) < 8 ? "vocational" : "bachelor",
        _ => rng.Next(10) switch { < 3 => "none", < 8 => "secondary", _ => "vocational" },
    };

    public static string Occupation(string category, string section, Random rng)
    {
        string[] choices = category switch
        {
            PermitCategory.Heads => section switch
            {
                "B" => ["1322", "1120"], "C" => ["1321", "1120"], "F" => ["1323", "1120"], "J" => ["1330", "1120"],
                "Q" => ["1342"], _ => ["1120", "1324"],
            },
            PermitCategory.DivisionHeads => section switch
            {
                "B" => ["1322", "2146"], "C" => ["1321", "2141"], "F" => ["1323", "2142"], "J" => ["1330"], _ => ["1324", "2149"],
            },
            PermitCategory.Specialists or PermitCategory.Ict => section switch
            {
                "B" => ["2114", "2146", "3117", "3121", "2144"], "F" => ["2142", "2161", "3112", "3123", "2151"],
                "C" => ["2141", "2144", "2145", "3122", "3115"], "J" => ["2511", "2512", "2513", "2514", "2522", "2523"],
                "Q" => ["2211", "2212", "2221"], _ => ["2149", "2411", "2631", "2151", "3113"],
            },
            PermitCategory.SkilledWorkers => section switch
            {
                "F" => ["7112", "7114", "7115", "7119", "7122", "7123", "7126", "7131", "7212", "7214", "8342", "8343"],
                "B" => ["8111", "8113", "7212", "8342"], "C" => ["8121", "8182", "7212", "7233"],
                _ => ["7231", "7411", "7412", "8332", "8331"],
            },
            _ => section switch { "A" => ["6111", "6121", "9211"], "F" => ["9312", "9313"], _ => ["9321", "9329", "9412", "5120"] },
        };
        return choices[rng.Next(choices.Length)];
    }

    /// <summary>Monthly salary in KZT, by category (demo values).</summary>
    public static long Salary(string category, Random rng)
    {
        var (low, high) = category switch
        {
            PermitCategory.Heads => (1_500_000, 4_000_000),
            PermitCategory.DivisionHeads => (900_000, 2_000_000),
            PermitCategory.Specialists => (600_000, 1_200_000),
            PermitCategory.SkilledWorkers => (350_000, 700_000),
            PermitCategory.Ict => (800_000, 2_500_000),
            _ => (200_000, 350_000),
        };
        return rng.Next(low, high) / 1000 * 1000L;
    }

    /// <summary>Permit terms (months) an application of the category asks for, most typical first; at most the category's maximum.</summary>
    public static int[] Terms(string category) => category switch
    {
        PermitCategory.Heads => [12, 24, 36],
        PermitCategory.Seasonal => [6, 8, 9, 5, 4, 10, 12],
        PermitCategory.SkilledWorkers => [12, 9, 6],
        _ => [12, 12, 9, 6],
    };

    public static int MaxTerm(string category) => category == PermitCategory.Heads ? 36 : 12;

    static readonly Lazy<FeeTable> Fees = new(ReferenceSeeder.ShippedFeeTable);

    /// <summary>The state fee rate of an application submitted on a day, from the shipped fee table (ICT: 0).</summary>
    public static FeeRateQuote Fee(string category, string section, int months, DateOnly submitted) =>
        Fees.Value.Find(category, section, months, submitted)
        ?? throw new InvalidOperationException($"no fee rate for category {category}, section {section}, {months} months on {submitted:yyyy-MM-dd}");
}
