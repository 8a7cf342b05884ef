#include "app/shell/AppMain.h"

int main(int argc, char *argv[])
{
    return sunshine::app::appMain(argc, argv);
}
