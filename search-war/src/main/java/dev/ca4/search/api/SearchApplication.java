package dev.ca4.search.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/")
@OpenAPIDefinition(info = @Info(title = "CA4 search API", version = "1",
        description = "Nearest neighbours of the stored image embeddings by cosine similarity (docs/similarity-search.md)"))
public class SearchApplication extends Application {
}
