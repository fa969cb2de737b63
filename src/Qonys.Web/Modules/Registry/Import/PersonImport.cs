using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Registry.Import;

/// <summary>The persons file of the population register: <c>iin,fullName,birthDate,regionCode</c>; a known IIN is skipped.</summary>
internal sealed class PersonImport : ImportKind<Person>
{
    public override string Name => "persons";
    public override IReadOnlyList<string> Columns { get; } = ["iin", "fullName", "birthDate", "regionCode"];

    public override Person? Read(ImportRecord record, ImportContext context, ValidationErrors errors)
    {
        var iin = record["iin"];
        var fullName = record["fullName"];
        var regionCode = record["regionCode"];
        if (PersonRules.Check(errors, iin, fullName, record["birthDate"], regionCode, context.References, context.Today) is not { } born)
            return null;
        return new Person
        {
            Id = Guid.CreateVersion7(), Iin = iin, FullName = fullName!, BirthDate = born, Sex = PersonRules.SexOf(iin!), Citizenship = "KZ",
            RegionCode = regionCode, CreatedAt = context.Now,
        };
    }
}
