/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.benchmarks;

/**
 * A target of the report, how it went, and how many rounds the measurement rests on.
 *
 * @param name what is measured
 * @param goal the goal, as the report writes it
 * @param measured the measurement
 * @param rounds the rounds it rests on (0: not a per-round figure)
 * @param met whether the goal was met
 * @param why why it was missed, from the same run's numbers (empty when met)
 */
record Target(String name, String goal, String measured, int rounds, boolean met, String why) {

}
