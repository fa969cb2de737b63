using Qonys.Web.Platform.Data;

namespace Qonys.Tests.Platform;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("Bin", "bin")]
    [InlineData("NormalizedUserName", "normalized_user_name")]
    [InlineData("IsSmallBusiness", "is_small_business")]
    [InlineData("Alpha2", "alpha2")]
    [InlineData("Cat1", "cat1")]
    [InlineData("UserNameIndex", "user_name_index")]
    [InlineData("IX_AuditEntries_At", "ix_audit_entries_at")]
    [InlineData("PK_auth_users", "pk_auth_users")]
    [InlineData("HTMLParser", "html_parser")]
    [InlineData("UserID", "user_id")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("", "")]
    public void Names_become_snake_case(string name, string expected) => ModelConventions.SnakeCase(name).ShouldBe(expected);
}
