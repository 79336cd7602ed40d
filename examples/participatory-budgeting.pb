META
key;value
description;Neighbourhood well-being grants decided by residents
country;United Kingdom
unit;Example Ward
instance;2025
num_projects;6
num_votes;10
budget;10000
currency;GBP
vote_type;approval
rule;equalshares/add1
date_begin;01.09.2025
date_end;30.09.2025
round_id;ward-pb-2025
PROJECTS
project_id;cost;votes;name;category;selected
P1;4000;5;Youth football kit;physical_activity;0
P2;3000;5;Community fridge;healthy_eating;1
P3;2500;4;"Chair yoga; over-65s";physical_activity;1
P4;2000;3;Men's shed tools;loneliness_and_isolation;1
P5;1500;3;Bereavement café;mental_wellbeing;1
P6;1000;5;Allotment beds;nature_and_green_space;1
VOTES
voter_id;vote
v1;P1,P2,P6
v2;P1,P2
v3;P1,P2,P6
v4;P1,P6
v5;P1,P2,P6
v6;P2,P6,P3
v7;P3,P4,P5
v8;P3,P5
v9;P4,P5
v10;P3,P4
