package app.thaw.bench.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;


import app.thaw.bench.BenchCommand;
import app.thaw.bench.BenchContext;
import app.thaw.bench.BenchOptions;
import app.thaw.bench.Machine;
import app.thaw.bench.PerformanceDoc;
import app.thaw.bench.Samples;
import app.thaw.bench.Stats;
import app.thaw.bench.data.GenerateCommand;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import app.thaw.fhir.ApiClients;
import app.thaw.fhir.FhirReads;
import app.thaw.security.Roles;
import app.thaw.fhir.ApiScopes;
import app.thaw.fhir.FhirResourceCheck;
import app.thaw.fhir.IssuedApiToken;
import app.thaw.fhir.api.FhirJson;

/**
 * {@code -Dbench=fhir}: a QuestionnaireResponse read and a case bundle (the transfer-of-care document) over real HTTP
 * with an API token, for random cases of the bench data, one request after another; then the same resources are
 * checked with HAPI's validator (base R4), so the generated data is shown to map to valid resources too.
 * Goals (issue 18): QuestionnaireResponse p95 ≤ 20 ms, case bundle p95 ≤ 100 ms.
 */
public class FhirBench implements BenchCommand {

    @Override
    public String name() {
        return "fhir";
    }

    @Override
    public String description() {
        return "FHIR API: QuestionnaireResponse read and case bundle over HTTP, then validation "
                + "[--iterations=300 --warmup=100 --validate=20]";
    }

    @Override
    public void run(BenchOptions options) throws Exception {
        int iterations = options.integer("iterations", 300);
        int warmup = options.integer("warmup", 100);
        int validate = options.integer("validate", 20);
        try (BenchContext bench = BenchContext.startWeb()) {
            long intakes = bench.jdbc().queryForObject("select count(*) from intake", Long.class);
            // shuffled within the 1 % sample: a bare "limit" takes the first heap pages, the oldest intakes at 1M
            List<String> references = bench.jdbc().queryForList("select reference from (select reference from intake"
                    + " tablesample bernoulli (1)) sampled order by random() limit ?", String.class,
                    iterations + warmup);
            var admin = bench.staff(GenerateCommand.ADMIN);
            IssuedApiToken token = BenchContext.as(admin, () -> bench.bean(ApiClients.class)
                    .create("FHIR benchmark " + System.currentTimeMillis(), Set.of(ApiScopes.ALL), 1));
            String base = "http://localhost:" + bench.context().getEnvironment().getProperty("local.server.port")
                    + "/fhir/R4";
            HttpClient http = HttpClient.newHttpClient();
            var responseSizes = new AtomicInteger();
            var bundleSizes = new AtomicInteger();
            Samples responses = measure(http, base, token.token(), references, warmup, "QuestionnaireResponse/%s-intake",
                    responseSizes);
            Samples bundles = measure(http, base, token.token(), references, warmup, "Bundle/%s", bundleSizes);
            Stats responseStats = responses.stats("QuestionnaireResponse read (HTTP, audited)");
            Stats bundleStats = bundles.stats("case bundle: transfer-of-care document (HTTP, audited)");
            // the same reads inside the JVM, service and JSON only: what HTTP, Tomcat and the token check add
            FhirReads reads = bench.bean(FhirReads.class);
            FhirJson fhir = bench.bean(FhirJson.class);
            Stats responseService = inProcess(reads, fhir, references, warmup, "QuestionnaireResponse", "%s-intake", base)
                    .stats("QuestionnaireResponse read (service + JSON, audited)");
            Stats bundleService = inProcess(reads, fhir, references, warmup, "Bundle", "%s", base)
                    .stats("case bundle (service + JSON, audited)");
            for (Stats stats : List.of(responseStats, bundleStats, responseService, bundleService)) {
                System.out.println(stats.line());
            }

            int checked = 0;
            int errors = 0;
            for (String reference : references.subList(0, Math.min(validate, references.size()))) {
                for (String path : List.of("QuestionnaireResponse/" + reference + "-intake", "Bundle/" + reference)) {
                    String body = get(http, base + "/" + path, token.token()).body();
                    List<String> problems = FhirResourceCheck.errors(body);
                    checked++;
                    errors += problems.size();
                    problems.forEach(p -> System.out.println(path + ": " + p));
                }
            }
            System.out.println("Validated " + checked + " resources: " + errors + " errors");
            String body = "Goals: QuestionnaireResponse read p95 ≤ 20 ms, case bundle p95 ≤ 100 ms. " + intakes
                    + " intakes; " + iterations + " random cases, " + warmup + " warm-up reads first; one request "
                    + "after another over HTTP on localhost with an API token (`system/*.read`), each read audited. "
                    + "Average body: QuestionnaireResponse " + responseSizes.get() / Math.max(1, iterations + warmup)
                    + " bytes, bundle " + bundleSizes.get() / Math.max(1, iterations + warmup) + " bytes (JSON).\n\n"
                    + Stats.header() + responseStats.row() + bundleStats.row() + responseService.row()
                    + bundleService.row()
                    + "\nHAPI validator (base R4) on " + checked + " of these resources from the generated data: "
                    + errors + " errors.\n";
            PerformanceDoc.write("fhir", options, Machine.describe(bench.postgresVersion()), body);
        }
    }

    private static Samples inProcess(FhirReads reads, FhirJson fhir, List<String> references, int warmup,
                                     String type, String id, String base) {
        var client = UsernamePasswordAuthenticationToken.authenticated("API client «benchmark» #0", null,
                AuthorityUtils.createAuthorityList("ROLE_" + Roles.API_CLIENT, "SCOPE_" + ApiScopes.ALL));
        var samples = new Samples();
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(client);
        SecurityContextHolder.setContext(context);
        try {
            for (int i = 0; i < references.size(); i++) {
                long start = System.nanoTime();
                String json = fhir.encode(reads.read(type, String.format(id, references.get(i)), base));
                long took = System.nanoTime() - start;
                if (json.isEmpty()) {
                    throw new IllegalStateException("empty " + type);
                }
                if (i >= warmup) {
                    samples.add(took);
                }
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
        return samples;
    }

    private static Samples measure(HttpClient http, String base, String token, List<String> references, int warmup,
                                   String path, AtomicInteger sizes) throws Exception {
        var samples = new Samples();
        for (int i = 0; i < references.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(http, base + "/" + String.format(path, references.get(i)), token);
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " for " + references.get(i) + ": " + response.statusCode()
                        + " " + response.body());
            }
            sizes.addAndGet(response.body().length());
            if (i >= warmup) {
                samples.add(took);
            }
        }
        return samples;
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
