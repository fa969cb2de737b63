using Qonys.Web.Modules.Support.Contracts;
using Qonys.Web.Modules.Support.Conversations;

namespace Qonys.Web.Modules.Support;

/// <summary>
/// Online support (PRODUCT.md §2.9): a conversation per case between the applicant and the officers, for every case
/// kind a module plugs in (<see cref="ISupportCaseKind"/>); the reply deadline reaches the work queues through
/// <see cref="ISupportDeadlines"/>.
/// </summary>
internal sealed class SupportModule : IModule
{
    public const string MessagesRead = "support.messages.read";
    public const string MessagesWrite = "support.messages.write";

    public void AddServices(IServiceCollection services, QonysOptions options)
    {
        // The route's gate; each case kind's access rule decides which cases, and which side, within it.
        services.AddPermission(MessagesRead, Roles.Employer, Roles.Officer, Roles.Inspector, Roles.Administrator);
        services.AddPermission(MessagesWrite, Roles.Employer, Roles.Officer, Roles.Administrator);
        services.AddOptions<SupportOptions>().BindConfiguration("Qonys:Support");
        services.AddScoped<SupportConversations>();
        services.AddScoped<ISupportDeadlines, ReplyDeadlines>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSupportApi();
}
