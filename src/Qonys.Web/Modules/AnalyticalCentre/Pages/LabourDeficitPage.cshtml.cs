using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Qonys.Web.Modules.AnalyticalCentre.LabourDeficit;

namespace Qonys.Web.Modules.AnalyticalCentre.Pages;

/// <summary>/analytics/labour-deficit: the index as a map and a table with every region's breakdown.</summary>
[Authorize(Policy = AnalyticalCentreModule.IndexRead)]
internal sealed class LabourDeficitPageModel(LabourDeficitIndex index) : PageModel
{
    public LabourDeficitResponse Index { get; private set; } = null!;
    public string MapData { get; private set; } = "[]";

    public void OnGet()
    {
        Index = index.Get();
        MapData = JsonSerializer.Serialize(
            Index.Items.Select(i => new { code = i.RegionCode, value = i.Total, label = "#" + i.Rank }));
    }
}
