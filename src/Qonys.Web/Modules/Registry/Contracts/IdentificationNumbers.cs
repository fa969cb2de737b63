using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Contracts;

/// <summary>The registry's check of IINs and BINs, for modules that take one as input.</summary>
internal static class IdentificationNumbers
{
    /// <summary>Why <paramref name="value"/> is not a valid IIN/BIN (check digit included), or null when it is.</summary>
    public static string? Problem(string? value) => IdentificationNumber.Problem(value);

    /// <summary>The valid 12-digit number the first eleven digits begin, or null when no check digit can end them.</summary>
    public static string? Complete(string firstEleven) => IdentificationNumber.Complete(firstEleven);
}
