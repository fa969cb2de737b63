using Qonys.Web.Platform.Errors;

namespace Qonys.Tests.Platform;

public sealed class ProblemFieldNameTests
{
    [Theory]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    [InlineData("$", "body")]
    [InlineData("$.bin", "bin")]
    [InlineData("$.staff.citizens", "staff.citizens")]
    [InlineData("$.staff.citizens['3']", "staff.citizens.3")]
    [InlineData("$['bin']", "bin")]
    [InlineData("$.workers[0].birthDate", "workers[0].birthDate")]
    public void Json_paths_become_field_names(string? path, string expected) =>
        ProblemExceptionHandler.FieldName(path).ShouldBe(expected);
}
