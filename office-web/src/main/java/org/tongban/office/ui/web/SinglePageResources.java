package org.tongban.office.ui.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built UI from {@code classpath:/static/}. A path that is no file and looks like a client route
 * (no extension, not under a server prefix) gets {@code index.html}, so a reload of {@code /tasks/42} works;
 * server prefixes and missing files stay 404. Vite's hashed {@code /assets/} are cached for a year,
 * {@code index.html} never (a new build must reach the browser at once).
 */
@Configuration
class SinglePageResources implements WebMvcConfigurer {

    /** Paths served by something else; an unknown path there is a 404, never the UI. */
    static final List<String> SERVER_PREFIXES = List.of("api/", "engine-rest/", "camunda/", "v3/", "swagger-ui/",
            "actuator/", "error");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new FallbackToIndex());
    }

    /** Resolves existing files as usual and client routes to {@code index.html}. */
    static final class FallbackToIndex extends PathResourceResolver {

        private final Resource index = new ClassPathResource("static/index.html");

        @Override
        protected Resource getResource(String path, Resource location) throws IOException {
            Resource found = super.getResource(path, location);
            if (found != null) {
                return found;
            }
            return isClientRoute(path) && index.exists() ? index : null;
        }

        static boolean isClientRoute(String path) {
            String last = path.substring(path.lastIndexOf('/') + 1);
            return SERVER_PREFIXES.stream().noneMatch(path::startsWith) && !last.contains(".");
        }
    }
}
