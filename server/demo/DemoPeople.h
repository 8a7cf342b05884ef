#pragma once

#include <QString>

class QRandomGenerator;

// Reproducible invented people and ids for the demo and benchmark data, drawn from the caller's generator.
namespace sunshine::demo {

// A plausible Chinese name: a common surname and one or two given-name characters.
QString personName(QRandomGenerator &rng);
// A random record id (UUID text) from the generator, so a seeded run makes the same ids.
QString randomRecordId(QRandomGenerator &rng);

} // namespace sunshine::demo
