namespace Qonys.Web.Modules.Registry.Contracts;

/// <summary>The registry's organisations as other modules may read them: by BIN, one or many at once.</summary>
internal interface IEmployerDirectory
{
    /// <summary>The organisation with <paramref name="bin"/>, or null when none is registered.</summary>
    Task<EmployerFacts?> FindAsync(string bin, CancellationToken ct);

    /// <summary>The names of the registered organisations among <paramref name="bins"/>, by BIN, in one read.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyCollection<string> bins, CancellationToken ct);
}
