namespace Qonys.Web.Modules.Permits.SubmitApplication;

/// <summary>One option of a select list: the code submitted and the name shown.</summary>
internal sealed record Choice(string Code, LocalizedName Name);
