-- wrk script: every request carries the bearer token given in the environment variable QONYS_TOKEN.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("QONYS_TOKEN")
