namespace Qonys.Web.Platform.Jobs;

internal static class JobSetup
{
    /// <summary>The lock every periodic job takes (once per host).</summary>
    public static void AddQonysJobs(this IServiceCollection services) => services.AddSingleton<JobLocks>();

    /// <summary>Runs <typeparamref name="TJob"/> in this host (where the node runs background jobs: the caller decides).</summary>
    public static void AddPeriodicJob<TJob>(this IServiceCollection services) where TJob : PeriodicJob =>
        services.AddHostedService<TJob>();
}
