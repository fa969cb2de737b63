using Qonys.Tests.Platform.Import;
using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.UseCases;

namespace Qonys.Tests.Registry;

/// <summary>The row checks of the persons and employers imports (the employers' ones are registration's over the API).</summary>
public sealed class ImportRowRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 4);

    // 900101300017: born 1990-01-01 (seventh digit 3: 1900s, male).
    const string Iin = "900101300017";

    static IDictionary<string, string[]> Person(string? iin, string? name, string? born, string? region)
    {
        var errors = new ValidationErrors();
        var day = PersonRules.Check(errors, iin, name, born, region, ImportTestReferences.Snapshot(), Today);
        (day is null).ShouldBe(errors.Any);
        return errors.ToDictionary();
    }

    [Fact]
    public void A_valid_person_passes_with_its_birth_date_and_sex_from_the_IIN()
    {
        Person(Iin, "Aigerim Sarsenova", "1990-01-01", "KZ-75").ShouldBeEmpty();
        PersonRules.BirthDateOf(Iin).ShouldBe(new DateOnly(1990, 1, 1));
        PersonRules.SexOf(Iin).ShouldBe("M");
        PersonRules.SexOf("900101400015").ShouldBe("F");
    }

    [Theory]
    [InlineData("900101300018", "Name", "1990-01-01", "KZ-75", "iin")] // wrong check digit
    [InlineData("9001013000", "Name", "1990-01-01", "KZ-75", "iin")]
    [InlineData(Iin, "Name", "1990-01-02", "KZ-75", "iin")] // the IIN encodes another day
    [InlineData(Iin, null, "1990-01-01", "KZ-75", "fullName")]
    [InlineData(Iin, "Name", "01.01.1990", "KZ-75", "birthDate")]
    [InlineData(Iin, "Name", "1990-02-30", "KZ-75", "birthDate")]
    [InlineData(Iin, "Name", "2027-01-01", "KZ-75", "birthDate")]
    [InlineData(Iin, "Name", null, "KZ-75", "birthDate")]
    [InlineData(Iin, "Name", "1990-01-01", "KZ-99", "regionCode")]
    [InlineData(Iin, "Name", "1990-01-01", null, "regionCode")]
    public void An_invalid_person_field_is_named(string? iin, string? name, string? born, string? region, string field) =>
        Person(iin, name, born, region).Keys.ShouldBe([field]);

    [Fact]
    public void A_name_longer_than_the_column_is_refused() =>
        Person(Iin, new string('a', PersonRules.MaxNameLength + 1), "1990-01-01", "KZ-75").Keys.ShouldBe(["fullName"]);

    [Theory]
    [InlineData("900101300017", "Steppe Build", "KZ-75", "F", null)]
    [InlineData("900101300018", "Steppe Build", "KZ-75", "F", "bin")]
    [InlineData("900101300017", " ", "KZ-75", "F", "name")]
    [InlineData("900101300017", "Steppe Build", "KZ-00", "F", "regionCode")]
    [InlineData("900101300017", "Steppe Build", "KZ-75", "Z", "okedSection")]
    [InlineData("900101300017", "Steppe Build", "KZ-75", null, "okedSection")]
    public void Employer_fields_are_checked_as_registration_checks_them(string? bin, string? name, string? region, string? oked, string? field)
    {
        var errors = new ValidationErrors();
        EmployerRules.Check(errors, bin, name, region, oked, ImportTestReferences.Snapshot());
        errors.ToDictionary().Keys.ShouldBe(field is null ? [] : [field]);
    }
}
