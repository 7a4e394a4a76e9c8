"""The inputs: the facts of each contract and of each scenario, true for ever (``ETERNITY``)."""

from __future__ import annotations

import datetime as dt

from openfisca_core.indexed_enums import Enum
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from .entities import Contract, Scenario


class Sector(Enum):
    industry = "Industry: connected objects, mechatronics, hydrogen, industry 4.0"
    health = "Health: biotechs, medtechs, e-health"
    other = "Any other field"


class reference(Variable):
    value_type = str
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "The contract's reference: with the day of signature, it orders the contracts"


class signed_on(Variable):
    value_type = dt.date
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "Day the contract was signed"


class applied_on(Variable):
    value_type = dt.date
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "Day the startup expressed its wish to join"


class has_applied(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "The startup expressed its wish to join"


class selected_on(Variable):
    value_type = dt.date
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "Day the selection committee qualified the startup"


class has_been_selected(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "The selection committee qualified the startup"


class head_office(Variable):
    value_type = str
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "INSEE code of the commune of the startup's head office"


class sector(Variable):
    value_type = Enum
    entity = Contract
    definition_period = DateUnit.ETERNITY
    possible_values = Sector
    default_value = Sector.other
    label = "The startup's field"


class siren(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.ETERNITY
    default_value = -1
    label = "The startup's SIREN, -1 when none is given"


class startup_name(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.ETERNITY
    label = "The number of the startup's name, names compared ignoring case, accents and runs of spaces"


class as_of(Variable):
    value_type = dt.date
    entity = Scenario
    definition_period = DateUnit.ETERNITY
    label = "Day of the assessment"


class regional_authorisation_on(Variable):
    value_type = dt.date
    entity = Scenario
    definition_period = DateUnit.ETERNITY
    label = "Day the Region validated the single authorisation for aid to businesses"


class regional_authorisation_given(Variable):
    value_type = bool
    entity = Scenario
    definition_period = DateUnit.ETERNITY
    label = "The Region validated the single authorisation for aid to businesses"
