package dev.tlssession.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Says where to look once the service accepts requests.
 */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(StartupBanner.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		String base = "http://localhost:" + event.getWebServer().getPort();
		logger.info("TLS session demo ready: try " + base + "/demo?calls=200&concurrency=8 then " + base
				+ "/actuator/tlssessions (meters: " + base + "/actuator/prometheus)");
	}

}
