using Qonys.Web.Modules.Registry.Domain;
using Qonys.Web.Platform.Import;

namespace Qonys.Web.Modules.Registry.Import;

/// <summary>
/// The employers file of the business register: <c>bin,name,regionCode,okedSection</c>, checked as registration over the API
/// checks them (<see cref="EmployerRules"/>); staff counts start at zero, a known BIN is skipped.
/// </summary>
internal sealed class EmployerImport : ImportKind<Employer>
{
    public override string Name => "employers";
    public override IReadOnlyList<string> Columns { get; } = ["bin", "name", "regionCode", "okedSection"];

    public override Employer? Read(ImportRecord record, ImportContext context, ValidationErrors errors)
    {
        var (bin, name, regionCode, okedSection) = (record["bin"], record["name"], record["regionCode"], record["okedSection"]);
        EmployerRules.Check(errors, bin, name, regionCode, okedSection, context.References);
        if (errors.Any) return null;
        return new Employer
        {
            Bin = bin!, Name = name!, RegionCode = regionCode!, OkedSection = okedSection!, Citizens = new StaffCounts(),
            Foreigners = new StaffCounts(), CreatedAt = context.Now, UpdatedAt = context.Now,
        };
    }
}
