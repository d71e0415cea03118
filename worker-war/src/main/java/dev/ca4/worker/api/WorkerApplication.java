package dev.ca4.worker.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "CA4 worker API", version = "1",
        description = "Read access to stored GPU metadata documents and pipeline statistics."))
public class WorkerApplication extends Application {
}
