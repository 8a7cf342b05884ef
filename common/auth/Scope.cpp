#include "common/auth/Scope.h"

namespace sunshine {

bool Scope::coversOrgPath(const QString &targetPath) const
{
    return !orgPath.isEmpty() && targetPath.startsWith(orgPath);
}

} // namespace sunshine
