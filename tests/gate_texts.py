"""Article texts shared by the gate tests: two English articles that disagree on China's refining share."""

A = "# Rare earths outlook\n\nChina refines 90% of the world's rare earths, according to industry data.\n"
B = "# Supply chains\n\nAnalysts say China refines 80% of the world's rare earths.\n"
